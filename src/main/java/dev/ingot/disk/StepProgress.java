package dev.ingot.disk;

import dev.ingot.disk.format.WriteJob;
import dev.ingot.plugin.StepContext;

/**
 * A disk writer's progress passed to the build log every 8 MiB of the disk (and at both ends), the
 * step the compress post-processor uses: the JSON event stream gets every call, and a 2 GiB disk is
 * laid out a MiB at a time. Each report is also where a cancelled build stops the writer (its
 * temporary output is then removed). Not thread-safe: writers report from one thread.
 */
final class StepProgress implements WriteJob.Progress {
  private static final long STEP = 8 << 20;
  private final StepContext ctx;
  private final String task;
  private long reported = -1;

  StepProgress(StepContext ctx, String task) {
    this.ctx = ctx;
    this.task = task;
  }

  @Override
  public void advanced(long done, long total) {
    ctx.cancellation().check();
    if (reported < 0 || done - reported >= STEP || done == total) {
      reported = done;
      ctx.log().progress(task, done, total);
    }
  }
}
