package dev.ingot.scan.match;

import dev.ingot.scan.db.RangeEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Evaluates OSV ECOSYSTEM ranges for one version ordering, as the OSV schema's evaluation
 * describes: walk the events in version order ("0" first); an introduced event at or below the
 * version makes it affected, a fixed (or limit) event at or below it, or a last_affected event
 * below it, makes it unaffected again. Pure; thread-safe.
 */
public final class RangeMatcher {
  /** The outcome for one range: affected or not, and the fix that ends the affected span. */
  public record Result(boolean affected, String fixed, String lastAffected, String introduced) {}

  private final Comparator<String> order;

  public RangeMatcher(Comparator<String> order) {
    this.order = order;
  }

  public Result evaluate(String version, List<RangeEvent> events) {
    List<RangeEvent> sorted = new ArrayList<>(events);
    sorted.sort(
        (a, b) -> {
          boolean az = a.version().equals("0") && a.kind() == RangeEvent.Kind.INTRODUCED;
          boolean bz = b.version().equals("0") && b.kind() == RangeEvent.Kind.INTRODUCED;
          if (az || bz) {
            return az == bz ? 0 : az ? -1 : 1;
          }
          return order.compare(a.version(), b.version());
        });
    boolean affected = false;
    String introduced = null;
    for (RangeEvent e : sorted) {
      switch (e.kind()) {
        case INTRODUCED -> {
          if (e.version().equals("0") || order.compare(version, e.version()) >= 0) {
            affected = true;
            introduced = e.version();
          }
        }
        case FIXED, LIMIT -> {
          if (order.compare(version, e.version()) >= 0) {
            affected = false;
          }
        }
        case LAST_AFFECTED -> {
          if (order.compare(version, e.version()) > 0) {
            affected = false;
          }
        }
      }
    }
    if (!affected) {
      return new Result(false, null, null, null);
    }
    // The fix is the first fixed event above the version; a last_affected bound means none.
    for (RangeEvent e : sorted) {
      if (e.kind() != RangeEvent.Kind.INTRODUCED && order.compare(e.version(), version) >= 0) {
        return new Result(
            true,
            e.kind() == RangeEvent.Kind.FIXED ? e.version() : null,
            e.kind() == RangeEvent.Kind.LAST_AFFECTED ? e.version() : null,
            introduced);
      }
    }
    return new Result(true, null, null, introduced);
  }
}
