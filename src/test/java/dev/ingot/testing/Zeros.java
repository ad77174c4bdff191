package dev.ingot.testing;

import java.io.InputStream;

/** Streams of zero bytes of any length, for large test files that are never held in memory. */
public final class Zeros {
  private Zeros() {}

  public static InputStream of(long n) {
    return new InputStream() {
      long left = n;

      @Override
      public int read() {
        return left-- > 0 ? 0 : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int k = (int) Math.min(len, left);
        java.util.Arrays.fill(b, off, off + k, (byte) 0);
        left -= k;
        return k;
      }
    };
  }
}
