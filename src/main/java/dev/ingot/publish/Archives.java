package dev.ingot.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Reproducible tar and zip archives of files by their names (directories recursively): entries
 * sorted, owner 0:0, fixed mtime, modes kept. The streams are not closed (the caller owns them).
 */
final class Archives {
  private Archives() {}

  /** Writes one file's bytes into the archive. */
  interface Content {
    void write(OutputStream out) throws IOException;
  }

  /** Opens a file's content for {@link Content}. */
  interface Opener {
    Content open(Path f);
  }

  /** Archive name → local path, sorted by name; directories end in "/". */
  static TreeMap<String, Path> entries(List<Path> files) throws IOException {
    TreeMap<String, Path> out = new TreeMap<>();
    for (Path f : files) {
      String base = f.getFileName().toString();
      if (!Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) {
        out.put(base, f);
        continue;
      }
      try (Stream<Path> walk = Files.walk(f)) {
        for (Path p : walk.toList()) {
          String rel = f.relativize(p).toString();
          String name = rel.isEmpty() ? base : base + "/" + rel;
          out.put(Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? name + "/" : name, p);
        }
      }
    }
    return out;
  }

  static void tar(List<Path> files, OutputStream z, long mtime, Opener opener) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(z, "UTF-8");
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    for (var e : entries(files).entrySet()) {
      Path p = e.getValue();
      TarArchiveEntry te;
      if (Files.isSymbolicLink(p)) {
        te = new TarArchiveEntry(e.getKey(), TarArchiveEntry.LF_SYMLINK);
        te.setLinkName(Files.readSymbolicLink(p).toString());
      } else {
        te = new TarArchiveEntry(e.getKey());
        if (!e.getKey().endsWith("/")) {
          te.setSize(Files.size(p));
        }
      }
      te.setMode((te.isDirectory() ? 040000 : te.isSymbolicLink() ? 0120000 : 0100000) | mode(p));
      te.setUserId(0);
      te.setGroupId(0);
      te.setModTime(FileTime.fromMillis(mtime * 1000));
      tar.putArchiveEntry(te);
      if (te.isFile()) {
        opener.open(p).write(tar);
      }
      tar.closeArchiveEntry();
    }
    tar.finish();
  }

  static void zip(List<Path> files, OutputStream z, long mtime, Opener opener) throws IOException {
    ZipArchiveOutputStream zip = new ZipArchiveOutputStream(z);
    for (var e : entries(files).entrySet()) {
      ZipArchiveEntry ze = new ZipArchiveEntry(e.getKey());
      ze.setTime(FileTime.fromMillis(Math.max(mtime, 315532800L) * 1000));
      ze.setUnixMode((e.getKey().endsWith("/") ? 040000 : 0100000) | mode(e.getValue()));
      zip.putArchiveEntry(ze);
      if (!e.getKey().endsWith("/")) {
        opener.open(e.getValue()).write(zip);
      }
      zip.closeArchiveEntry();
    }
    zip.finish();
  }

  private static int mode(Path p) throws IOException {
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
    int m = 0;
    List<PosixFilePermission> order = new ArrayList<>(List.of(PosixFilePermission.values()));
    // PosixFilePermission is declared owner r/w/x, group r/w/x, others r/w/x: bit 8 down to 0.
    for (int i = 0; i < order.size(); i++) {
      if (perms.contains(order.get(i))) {
        m |= 1 << (8 - i);
      }
    }
    return m;
  }
}
