package dev.ingot.disk.customize;

/**
 * A customization the image cannot take (a missing group, time zone or unit), with the template
 * setting it comes from, so that the error points there.
 */
public final class CustomizeException extends IllegalArgumentException {
  private final String setting;

  public CustomizeException(String setting, String message) {
    super(message);
    this.setting = setting;
  }

  /** The customize setting, e.g. "timezone" or "users". */
  public String setting() {
    return setting;
  }
}
