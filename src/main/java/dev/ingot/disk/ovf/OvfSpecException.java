package dev.ingot.disk.ovf;

/**
 * A value {@link OvfSpec} refuses, with the setting it is about, so that a caller can point at
 * where that setting was written rather than guess it from the message. Immutable.
 */
public final class OvfSpecException extends IllegalArgumentException {
  private final OvfSpec.Setting setting;

  public OvfSpecException(OvfSpec.Setting setting, String message) {
    super(message);
    this.setting = setting;
  }

  /** The setting whose value is refused. */
  public OvfSpec.Setting setting() {
    return setting;
  }
}
