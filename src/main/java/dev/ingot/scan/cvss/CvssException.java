package dev.ingot.scan.cvss;

/** A CVSS vector that cannot be scored: bad syntax, unknown metric or value, missing metric. */
public final class CvssException extends IllegalArgumentException {
  public CvssException(String message) {
    super(message);
  }
}
