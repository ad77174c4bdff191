package dev.ingot.cli;

import java.io.Console;

/** Whether standard output is a terminal (for colours and progress bars redrawn in place). */
final class Terminal {
  private Terminal() {}

  static boolean isTerminal() {
    Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      // JDK 22+ returns a Console even when redirected; isTerminal() then tells the truth.
      return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
