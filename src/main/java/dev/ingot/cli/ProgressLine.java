package dev.ingot.cli;

import dev.ingot.disk.format.WriteJob;
import java.io.PrintWriter;

/**
 * qemu-img's {@code -p} progress: {@code " (42.00/100%)"} redrawn in place with a carriage return,
 * at 0%, at each whole percent reached and at 100%, which ends the line. Not thread-safe: the
 * conversion reports from one thread.
 */
final class ProgressLine implements WriteJob.Progress {
  private final PrintWriter err;
  private long shown = -1;

  ProgressLine(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void advanced(long done, long total) {
    long hundredths = total <= 0 ? 10_000 : Math.min(10_000, done * 10_000 / total);
    if (hundredths == shown) {
      return;
    }
    // Whole percents only, except the first and last, so a 2 TiB disk does not print 10,000 lines.
    if (hundredths != 10_000 && shown >= 0 && hundredths / 100 == shown / 100) {
      return;
    }
    shown = hundredths;
    err.printf("    (%d.%02d/100%%)\r", hundredths / 100, hundredths % 100);
    if (hundredths == 10_000) {
      err.println();
    }
    err.flush();
  }
}
