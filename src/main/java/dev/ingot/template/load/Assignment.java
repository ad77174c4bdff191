package dev.ingot.template.load;

import dev.ingot.diag.Range;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One value given to a variable: where it came from, the value (an unevaluated expression, a raw
 * string or an evaluated value, depending on the stage), and where it was written (null for a value
 * with no place, e.g. from the environment). Immutable.
 *
 * @param <V> the form of the value
 */
public record Assignment<V>(VarSource source, String name, V value, Range range) {
  /**
   * The assignment that wins among {@code all} (given in the order they were read): the one from
   * the highest source, and the last one read from that source, as in Packer.
   */
  public static <V> Optional<Assignment<V>> winner(List<Assignment<V>> all) {
    Assignment<V> best = null;
    for (Assignment<V> a : all) {
      if (best == null || a.source().compareTo(best.source()) >= 0) {
        best = a;
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code all} sorted into the order Packer applies them (stable within a source). */
  public static <V> List<Assignment<V>> inPrecedenceOrder(List<Assignment<V>> all) {
    return all.stream().sorted(Comparator.comparing(Assignment::source)).toList();
  }
}
