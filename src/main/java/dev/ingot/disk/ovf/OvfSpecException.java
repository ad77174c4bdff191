package dev.ingot.disk.ovf;

/**
 * A value {@link OvfSpec} refuses, with the setting it is about, so that a caller can point at
 * where that setting was written rather than guess it from the message. Immutable.
 */
public final class OvfSpecException extends IllegalArgumentException {
  private final OvfSpec.Setting setting;
  private final java.util.List<OvfSpecException> others;

  public OvfSpecException(OvfSpec.Setting setting, String message) {
    this(setting, message, java.util.List.of());
  }

  private OvfSpecException(
      OvfSpec.Setting setting, String message, java.util.List<OvfSpecException> others) {
    super(message);
    this.setting = setting;
    this.others = java.util.List.copyOf(others);
  }

  /** The first of {@code all} (not empty), carrying the rest. */
  static OvfSpecException of(java.util.List<OvfSpecException> all) {
    OvfSpecException first = all.getFirst();
    return new OvfSpecException(first.setting, first.getMessage(), all.subList(1, all.size()));
  }

  /** This refusal and every other one found with it, in the order of the settings. */
  public java.util.List<OvfSpecException> all() {
    java.util.List<OvfSpecException> out = new java.util.ArrayList<>();
    out.add(this);
    out.addAll(others);
    return out;
  }

  /** The setting whose value is refused. */
  public OvfSpec.Setting setting() {
    return setting;
  }
}
