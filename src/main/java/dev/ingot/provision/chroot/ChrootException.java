package dev.ingot.provision.chroot;

/** A chroot that cannot be used (not root, no shell in the tree) or a command that failed in it. */
public final class ChrootException extends RuntimeException {
  public ChrootException(String message) {
    super(message);
  }
}
