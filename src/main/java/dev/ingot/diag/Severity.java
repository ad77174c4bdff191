package dev.ingot.diag;

/** How bad a diagnostic is. */
public enum Severity {
  ERROR,
  WARNING
}
