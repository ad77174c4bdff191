package dev.ingot.scan.db;

/**
 * One event of an OSV range: {@code introduced}, {@code fixed}, {@code last_affected} or {@code
 * limit}, with its version in the ecosystem's syntax ("0" for introduced means "every version").
 */
public record RangeEvent(Kind kind, String version) {
  /** The kinds of event, with their OSV field names. */
  public enum Kind {
    INTRODUCED("introduced"),
    FIXED("fixed"),
    LAST_AFFECTED("last_affected"),
    LIMIT("limit");

    private final String field;

    Kind(String field) {
      this.field = field;
    }

    public String field() {
      return field;
    }

    /** The kind named by an OSV event field, null for other fields. */
    public static Kind ofFieldOrNull(String f) {
      return switch (f) {
        case "introduced" -> INTRODUCED;
        case "fixed" -> FIXED;
        case "last_affected" -> LAST_AFFECTED;
        case "limit" -> LIMIT;
        default -> null;
      };
    }
  }

  public RangeEvent {
    if (kind == null || version == null || version.isBlank()) {
      throw new IllegalArgumentException("a range event needs a kind and a version");
    }
  }

  public static RangeEvent introduced(String v) {
    return new RangeEvent(Kind.INTRODUCED, v);
  }

  public static RangeEvent fixed(String v) {
    return new RangeEvent(Kind.FIXED, v);
  }

  public static RangeEvent lastAffected(String v) {
    return new RangeEvent(Kind.LAST_AFFECTED, v);
  }
}
