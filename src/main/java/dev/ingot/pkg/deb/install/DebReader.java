package dev.ingot.pkg.deb.install;

import com.github.luben.zstd.ZstdInputStream;
import dev.ingot.fs.BlobStore;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.UnsafePathException;
import dev.ingot.fs.tar.TarFormatException;
import dev.ingot.fs.tar.TarInput;
import dev.ingot.fs.tar.TarLimitException;
import dev.ingot.fs.tar.TarReadOptions;
import dev.ingot.fs.tar.TarReader;
import dev.ingot.pkg.deb.Deb822;
import dev.ingot.pkg.deb.Paragraph;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Reads a .deb (deb(5): an ar archive holding {@code debian-binary}, {@code control.tar.*} and
 * {@code data.tar.*}) in Java. The data tar goes through {@link TarReader} with its path-safety
 * rules ({@code ..}, absolute names, writes through symlinks, hard links to unknown members,
 * oversized entries); on top of those, .deb specific rules: format version 2.x, members in the
 * right order, control members as plain files with simple names. Thread-safe (no state).
 */
public final class DebReader {
  /** Limits for one package: 4 GiB per file, 16 GiB in all; absolute member names are refused. */
  public static final TarReadOptions LIMITS =
      TarReadOptions.DEFAULTS.withLimits(4L << 30, 16L << 30).withStripLeadingSlash(false);

  private final BlobStore blobs;
  private final TarReadOptions limits;

  public DebReader(BlobStore blobs, TarReadOptions limits) {
    this.blobs = blobs;
    this.limits = limits;
  }

  public UnpackedDeb read(Path deb) {
    String name = deb.getFileName().toString();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(deb), 1 << 16)) {
      return read(in, name, Files.size(deb));
    } catch (IOException e) {
      throw new DebFormatException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  UnpackedDeb read(InputStream in, String name, long fileSize) throws IOException {
    byte[] magic = in.readNBytes(8);
    if (!new String(magic, StandardCharsets.US_ASCII).equals("!<arch>\n")) {
      throw new DebFormatException(name + ": not a .deb (no ar archive header)");
    }
    Ar ar = new Ar(in, name, fileSize);
    Ar.Member m = ar.next();
    if (m == null || !m.name().equals("debian-binary")) {
      throw new DebFormatException(name + ": first member must be debian-binary");
    }
    String version = new String(m.stream().readNBytes(16), StandardCharsets.US_ASCII).strip();
    if (!version.startsWith("2.")) {
      throw new DebFormatException(name + ": unsupported .deb format version '" + version + "'");
    }
    Paragraph control = null;
    Map<String, byte[]> files = new HashMap<>();
    FileTree data = null;
    for (Ar.Member x; (x = ar.next()) != null; ) {
      if (x.name().startsWith("_")) {
        continue; // deb(5): members starting with '_' are optional extras (signatures)
      }
      if (x.name().startsWith("control.tar")) {
        if (control != null || data != null) {
          throw new DebFormatException(name + ": control.tar out of order or repeated");
        }
        try (InputStream t = decompress(x.stream(), x.name(), name)) {
          control = readControl(t, files, name);
        }
      } else if (x.name().startsWith("data.tar")) {
        if (control == null || data != null) {
          throw new DebFormatException(name + ": data.tar before control.tar or repeated");
        }
        try (InputStream t = decompress(x.stream(), x.name(), name)) {
          data = new TarReader(blobs, limits).read(t);
        } catch (UnsafePathException | TarFormatException | TarLimitException e) {
          throw new DebFormatException(name + ": refused data.tar: " + e.getMessage(), e);
        }
      } else {
        throw new DebFormatException(name + ": unexpected member '" + x.name() + "'");
      }
    }
    if (control == null || data == null) {
      throw new DebFormatException(
          name + ": missing " + (control == null ? "control.tar" : "data.tar"));
    }
    return new UnpackedDeb(control, files, data);
  }

  private Paragraph readControl(InputStream t, Map<String, byte[]> files, String name)
      throws IOException {
    TarInput tar = new TarInput(t, TarReadOptions.DEFAULTS.withLimits(64L << 20, 256L << 20));
    try {
      for (FileEntry e; (e = tar.next()) != null; ) {
        if (e.isDirectory()) {
          continue;
        }
        if (!e.isRegular() || e.path().contains("/")) {
          throw new DebFormatException(
              name + ": control member '" + e.path() + "' is not a plain file");
        }
        files.put(e.path(), tar.content().readAllBytes());
      }
    } catch (UnsafePathException | TarFormatException | TarLimitException e) {
      throw new DebFormatException(name + ": refused control.tar: " + e.getMessage(), e);
    }
    byte[] c = files.remove("control");
    if (c == null) {
      throw new DebFormatException(name + ": control.tar has no control file");
    }
    try {
      return Deb822.parseOne(new String(c, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new DebFormatException(name + ": bad control file: " + e.getMessage(), e);
    }
  }

  private static InputStream decompress(InputStream raw, String member, String name)
      throws IOException {
    String ext = member.substring(member.indexOf(".tar") + 4);
    return switch (ext) {
      case "" -> raw;
      case ".gz" -> new GZIPInputStream(raw, 1 << 16);
      case ".xz" -> new XZInputStream(raw);
      case ".zst" -> new ZstdInputStream(raw);
      case ".bz2" -> new BZip2CompressorInputStream(raw);
      default -> throw new DebFormatException(name + ": unsupported compression of " + member);
    };
  }
}
