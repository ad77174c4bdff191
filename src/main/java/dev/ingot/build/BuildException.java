package dev.ingot.build;

/** A build failed in a way the engine itself detects (output exists, timeout, exit status). */
public final class BuildException extends RuntimeException {
  public BuildException(String message) {
    super(message);
  }

  public BuildException(String message, Throwable cause) {
    super(message, cause);
  }
}
