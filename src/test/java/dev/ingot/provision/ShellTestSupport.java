package dev.ingot.provision;

import java.nio.file.Files;
import java.nio.file.Path;

/** Waiting for processes that scripts start, in tests of cancellation. */
public final class ShellTestSupport {
  private ShellTestSupport() {}

  /** The pid a script wrote to {@code pid}, waiting up to 15 s for it. */
  public static long waitForPid(Path pid) throws Exception {
    for (int i = 0; i < 300; i++) {
      if (Files.exists(pid) && !Files.readString(pid).isBlank()) {
        return Long.parseLong(Files.readString(pid).strip());
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the script never wrote " + pid);
  }

  /** True once {@code pid} is gone (waits up to 10 s). */
  public static boolean waitGone(long pid) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        Thread.sleep(50);
      } else {
        return true;
      }
    }
    return false;
  }
}
