package dev.ingot.pkg.deb.install;

import dev.ingot.fs.Digest;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.FileType;
import dev.ingot.pkg.deb.Deb822;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Keeps each .deb unpacked once: the {@link UnpackedDeb} of a package file is stored under {@code
 * <dir>/<sha256 of the .deb>} in a compact binary form (the file contents are already in the blob
 * store), so assembling a root filesystem on a warm cache reads small index files and copies no
 * contents. Writes are atomic (temp file + rename); concurrent builds may both write, harmlessly.
 * Thread-safe.
 */
public final class UnpackCache {
  private static final int MAGIC = 0x494e4431; // "IND1"

  private final Path dir;

  public UnpackCache(Path dir) {
    this.dir = dir;
  }

  /** The unpacked package for {@code debSha256}, unpacking with {@code unpack} on a miss. */
  public UnpackedDeb get(Digest debSha256, Supplier<UnpackedDeb> unpack) {
    Path f = dir.resolve(debSha256.hex());
    if (Files.isRegularFile(f)) {
      try {
        return read(f);
      } catch (IOException | RuntimeException e) {
        // A damaged cache entry is rebuilt, not trusted.
      }
    }
    UnpackedDeb u = unpack.get();
    try {
      write(f, u);
    } catch (IOException e) {
      throw new DebFormatException("cannot write unpack cache " + f + ": " + e.getMessage(), e);
    }
    return u;
  }

  public boolean has(Digest debSha256) {
    return Files.isRegularFile(dir.resolve(debSha256.hex()));
  }

  private static void write(Path f, UnpackedDeb u) throws IOException {
    Files.createDirectories(f.getParent());
    Path tmp = Files.createTempFile(f.getParent(), f.getFileName().toString(), ".tmp");
    try {
      try (DataOutputStream o =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
        o.writeInt(MAGIC);
        bytes(o, u.control().toString().getBytes(StandardCharsets.UTF_8));
        o.writeInt(u.controlFiles().size());
        for (Map.Entry<String, byte[]> e : u.controlFiles().entrySet()) {
          o.writeUTF(e.getKey());
          bytes(o, e.getValue());
        }
        o.writeInt(u.data().size());
        for (FileEntry e : u.data().entries()) {
          o.writeUTF(e.path());
          o.writeByte(e.type().ordinal());
          o.writeInt(e.mode());
          o.writeInt(e.uid());
          o.writeInt(e.gid());
          o.writeLong(e.mtime());
          o.writeLong(e.size());
          o.writeUTF(e.content() == null ? "" : e.content().hex());
          o.writeUTF(e.linkTarget() == null ? "" : e.linkTarget());
          o.writeInt(e.devMajor());
          o.writeInt(e.devMinor());
          o.writeInt(e.xattrs().size());
          for (Map.Entry<String, String> x : e.xattrs().entrySet()) {
            o.writeUTF(x.getKey());
            bytes(o, x.getValue().getBytes(StandardCharsets.ISO_8859_1));
          }
        }
      }
      Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static UnpackedDeb read(Path f) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(f), 1 << 16))) {
      if (in.readInt() != MAGIC) {
        throw new IOException("not an unpack index");
      }
      String control = new String(bytes(in), StandardCharsets.UTF_8);
      Map<String, byte[]> files = new TreeMap<>();
      for (int i = in.readInt(); i > 0; i--) {
        files.put(in.readUTF(), bytes(in));
      }
      FileTree.Builder b = FileTree.builder();
      FileType[] types = FileType.values();
      for (int i = in.readInt(); i > 0; i--) {
        String path = in.readUTF();
        FileType type = types[in.readByte()];
        int mode = in.readInt();
        int uid = in.readInt();
        int gid = in.readInt();
        long mtime = in.readLong();
        long size = in.readLong();
        String d = in.readUTF();
        String link = in.readUTF();
        int ma = in.readInt();
        int mi = in.readInt();
        TreeMap<String, String> x = new TreeMap<>();
        for (int j = in.readInt(); j > 0; j--) {
          x.put(in.readUTF(), new String(bytes(in), StandardCharsets.ISO_8859_1));
        }
        b.put(
            new FileEntry(
                path,
                type,
                mode,
                uid,
                gid,
                mtime,
                size,
                d.isEmpty() ? null : new Digest("sha256", d),
                link.isEmpty() ? null : link,
                ma,
                mi,
                x));
      }
      return new UnpackedDeb(Deb822.parseOne(control), files, b.build());
    }
  }

  private static void bytes(DataOutputStream o, byte[] b) throws IOException {
    o.writeInt(b.length);
    o.write(b);
  }

  private static byte[] bytes(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > (256 << 20)) {
      throw new IOException("bad length " + n);
    }
    return in.readNBytes(n);
  }
}
