package dev.ingot.provision;

/** A script failed; {@link #exitCode} is what it returned. */
public final class ShellException extends RuntimeException {
  private final int exitCode;

  public ShellException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
