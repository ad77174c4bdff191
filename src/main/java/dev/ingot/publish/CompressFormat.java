package dev.ingot.publish;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * A compress output format: whether it is an archive (tar, zip) and which compression wraps it.
 * Chosen by the {@code format} argument or the output's extension, as Packer does.
 */
record CompressFormat(String name, Container container, Codec codec) {
  enum Container {
    NONE,
    TAR,
    ZIP
  }

  enum Codec {
    NONE(0, 0, 0),
    GZIP(0, 9, 6),
    ZSTD(1, 22, 6),
    XZ(0, 9, 6);

    final int min;
    final int max;
    final int standard;

    Codec(int min, int max, int standard) {
      this.min = min;
      this.max = max;
      this.standard = standard;
    }
  }

  private static final List<CompressFormat> ALL =
      List.of(
          new CompressFormat("tar.gz", Container.TAR, Codec.GZIP),
          new CompressFormat("tgz", Container.TAR, Codec.GZIP),
          new CompressFormat("tar.zst", Container.TAR, Codec.ZSTD),
          new CompressFormat("tar.zstd", Container.TAR, Codec.ZSTD),
          new CompressFormat("tzst", Container.TAR, Codec.ZSTD),
          new CompressFormat("tar.xz", Container.TAR, Codec.XZ),
          new CompressFormat("txz", Container.TAR, Codec.XZ),
          new CompressFormat("tar", Container.TAR, Codec.NONE),
          new CompressFormat("zip", Container.ZIP, Codec.NONE),
          new CompressFormat("gz", Container.NONE, Codec.GZIP),
          new CompressFormat("zst", Container.NONE, Codec.ZSTD),
          new CompressFormat("zstd", Container.NONE, Codec.ZSTD),
          new CompressFormat("xz", Container.NONE, Codec.XZ));

  /**
   * The format named {@code format} (e.g. "tar.gz", ".gz"), or the one of {@code output}'s ending.
   */
  static Optional<CompressFormat> find(String format, String output) {
    if (format != null && !format.isBlank()) {
      String f = format.toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
      return ALL.stream().filter(x -> x.name.equals(f)).findFirst();
    }
    String o = output.toLowerCase(Locale.ROOT);
    return ALL.stream().filter(x -> o.endsWith("." + x.name)).findFirst();
  }

  static String names() {
    return String.join(", ", ALL.stream().map(CompressFormat::name).toList());
  }

  /** {@code out} wrapped in this format's compression at {@code level}. */
  OutputStream compress(OutputStream out, int level) throws IOException {
    return switch (codec) {
      case NONE -> out;
      case GZIP ->
          new GZIPOutputStream(out, 1 << 16) {
            {
              def.setLevel(level);
            }
          };
      case ZSTD -> new ZstdOutputStream(out, level);
      case XZ -> new XZOutputStream(out, new LZMA2Options(level));
    };
  }
}
