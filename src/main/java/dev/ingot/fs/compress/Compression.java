package dev.ingot.fs.compress;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The stream compressions Ingot writes (gzip, zstd, none) and reads (those plus xz), with the
 * settings that make output deterministic. Stateless; thread-safe.
 */
public enum Compression {
  NONE,
  GZIP,
  ZSTD,
  XZ;

  /** Parses a template value: "gzip", "zstd", "none" (and "xz" for reading only). */
  public static Compression parse(String s) {
    return switch (s.toLowerCase(java.util.Locale.ROOT)) {
      case "none", "uncompressed" -> NONE;
      case "gzip", "gz" -> GZIP;
      case "zstd", "zst" -> ZSTD;
      case "xz" -> XZ;
      default -> throw new IllegalArgumentException("unknown compression: " + s);
    };
  }

  /** The default level when none is given: 6 for gzip (as gzip itself), 3 for zstd. */
  public int defaultLevel() {
    return switch (this) {
      case GZIP -> 6;
      case ZSTD -> 3;
      case NONE, XZ -> 0;
    };
  }

  /**
   * Wraps {@code out} so that what is written is compressed with {@code level} on {@code threads}
   * threads; closing the result finishes the stream and closes {@code out}. Zstd with workers gives
   * the same bytes whatever their number.
   */
  public OutputStream compress(OutputStream out, int level, int threads) throws IOException {
    return switch (this) {
      case NONE -> out;
      case GZIP -> new ParallelGzipOutputStream(out, level, threads);
      case ZSTD -> {
        ZstdOutputStream z = new ZstdOutputStream(out, level);
        z.setWorkers(Math.max(1, threads));
        z.setChecksum(false);
        yield z;
      }
      case XZ -> throw new UnsupportedOperationException("xz output is not supported");
    };
  }

  /** Wraps {@code in} to decompress this format. */
  public InputStream decompress(InputStream in) throws IOException {
    return switch (this) {
      case NONE -> in;
      case GZIP -> new GZIPInputStream(in, 1 << 16);
      case ZSTD -> new ZstdInputStream(in);
      case XZ -> new XZInputStream(in);
    };
  }

  /** Detects the compression of {@code in} from its magic bytes and decompresses it. */
  public static InputStream autoDecompress(InputStream in) throws IOException {
    InputStream b = in.markSupported() ? in : new BufferedInputStream(in, 1 << 16);
    return detect(b).decompress(b);
  }

  /** The compression whose magic starts {@code in} (which must support mark/reset). */
  public static Compression detect(InputStream in) throws IOException {
    in.mark(6);
    byte[] m = in.readNBytes(6);
    in.reset();
    if (m.length >= 2 && (m[0] & 0xff) == 0x1f && (m[1] & 0xff) == 0x8b) {
      return GZIP;
    }
    if (m.length >= 4
        && (m[0] & 0xff) == 0x28
        && (m[1] & 0xff) == 0xb5
        && (m[2] & 0xff) == 0x2f
        && (m[3] & 0xff) == 0xfd) {
      return ZSTD;
    }
    if (m.length >= 6 && (m[0] & 0xff) == 0xfd && m[1] == '7' && m[2] == 'z' && m[3] == 'X') {
      return XZ;
    }
    return NONE;
  }
}
