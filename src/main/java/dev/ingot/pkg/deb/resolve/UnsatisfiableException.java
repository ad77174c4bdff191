package dev.ingot.pkg.deb.resolve;

/**
 * A package set that cannot be installed. The message names the package, the dependency chain that
 * led to it and the versions the repositories have, so the user can tell which suite or pin is
 * missing.
 */
public final class UnsatisfiableException extends RuntimeException {
  public UnsatisfiableException(String message) {
    super(message);
  }
}
