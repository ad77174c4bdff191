package dev.ingot.plugin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Cleanup actions of one build, run in reverse order of registration (as Packer's multistep does).
 * Every action runs even when an earlier one fails; failures are returned, not thrown. Thread-safe.
 */
public final class Cleanups {
  /** One cleanup step with a name for the log. */
  public interface Action {
    void run() throws Exception;
  }

  private record Named(String name, Action action) {}

  private final Deque<Named> stack = new ArrayDeque<>();

  public synchronized void add(String name, Action action) {
    stack.push(new Named(name, action));
  }

  /** Runs and forgets every action, newest first; returns "name: error" for each that failed. */
  public List<String> runAll() {
    List<String> failures = new ArrayList<>();
    while (true) {
      Named n;
      synchronized (this) {
        n = stack.poll();
      }
      if (n == null) {
        return failures;
      }
      try {
        n.action().run();
      } catch (Exception e) {
        failures.add(n.name() + ": " + e.getMessage());
      }
    }
  }
}
