package dev.ingot.fs.compress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.plugin.LocalProcessRunner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompressionTest {
  @TempDir Path tmp;

  /** Half random, half repetitive data, not a multiple of the block size. */
  static byte[] sample(int size) {
    byte[] b = new byte[size];
    Random r = new Random(42);
    for (int i = 0; i < size; i++) {
      b[i] = (i / 4096) % 2 == 0 ? (byte) r.nextInt() : (byte) ("abcdefgh".charAt(i % 8));
    }
    return b;
  }

  private static byte[] compress(Compression c, byte[] data, int threads) throws IOException {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (OutputStream o = c.compress(bo, c.defaultLevel(), threads)) {
      // Odd write sizes, so block boundaries fall inside writes.
      for (int off = 0; off < data.length; off += 7777) {
        o.write(data, off, Math.min(7777, data.length - off));
      }
    }
    return bo.toByteArray();
  }

  @Test
  void roundTripsAndIsDeterministicWhateverTheThreadCount() throws IOException {
    byte[] data = sample(3 * ParallelGzipOutputStream.BLOCK + 12345);
    for (Compression c : List.of(Compression.GZIP, Compression.ZSTD, Compression.NONE)) {
      byte[] one = compress(c, data, 1);
      byte[] four = compress(c, data, 4);
      assertThat(four).as(c.name()).isEqualTo(one);
      try (InputStream in = Compression.autoDecompress(new ByteArrayInputStream(one))) {
        assertThat(in.readAllBytes()).as(c.name()).isEqualTo(data);
      }
      assertThat(Compression.detect(new java.io.BufferedInputStream(new ByteArrayInputStream(one))))
          .isEqualTo(c);
    }
    assertThat(compress(Compression.GZIP, data, 2).length).isLessThan(data.length * 3 / 4);
  }

  @Test
  void emptyAndExactBlockInputs() throws IOException {
    for (int size : new int[] {0, 1, ParallelGzipOutputStream.BLOCK}) {
      byte[] data = sample(size);
      byte[] gz = compress(Compression.GZIP, data, 2);
      try (InputStream in = Compression.GZIP.decompress(new ByteArrayInputStream(gz))) {
        assertThat(in.readAllBytes()).isEqualTo(data);
      }
    }
  }

  @Test
  @Tag("peer")
  void gzipCommandAcceptsTheOutput() throws Exception {
    byte[] data = sample(5 * ParallelGzipOutputStream.BLOCK + 1);
    Path f = tmp.resolve("x.gz");
    Files.write(f, compress(Compression.GZIP, data, 2));
    var r = new LocalProcessRunner().run(List.of("gzip", "-t", "-v", f.toString()));
    assertThat(r.exitCode()).as(r.output().toString()).isZero();
    Path z = tmp.resolve("x.zst");
    Files.write(z, compress(Compression.ZSTD, data, 2));
    var rz = new LocalProcessRunner().run(List.of("zstd", "-t", z.toString()));
    assertThat(rz.exitCode()).as(rz.output().toString()).isZero();
  }
}
