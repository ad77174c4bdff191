package dev.ingot.cli;

/** A mistake in how a command was called; printed without a stack trace, exit code 2. */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
