package dev.ingot.plugin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** {@link ProcessRunner} with {@link ProcessBuilder}. Thread-safe. */
public final class LocalProcessRunner implements ProcessRunner {
  @Override
  public Result run(
      List<String> command,
      Path dir,
      Map<String, String> env,
      Consumer<String> lines,
      Duration timeout,
      Cancellation cancellation)
      throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    pb.environment().putAll(env);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new IOException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    }
    List<String> captured = new ArrayList<>();
    try (AutoCloseable unhook = cancellation.onCancel(() -> kill(p))) {
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        Thread reader =
            Thread.ofVirtual()
                .start(
                    () -> {
                      try {
                        for (String line; (line = r.readLine()) != null; ) {
                          if (lines != null) {
                            lines.accept(line);
                          } else {
                            synchronized (captured) {
                              captured.add(line);
                            }
                          }
                        }
                      } catch (IOException ignored) {
                        // The process was killed; its output ends here.
                      }
                    });
        boolean done =
            timeout == null
                ? p.waitFor() >= Integer.MIN_VALUE
                : p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
          kill(p);
          throw new IOException(command.get(0) + " timed out after " + timeout);
        }
        reader.join();
      }
      cancellation.check();
      synchronized (captured) {
        return new Result(p.exitValue(), List.copyOf(captured));
      }
    } catch (InterruptedException e) {
      kill(p);
      Thread.currentThread().interrupt();
      throw new Cancellation.CancelledException();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  private static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }
}
