package dev.ingot.pkg.deb.install;

import dev.ingot.pkg.deb.Relation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order preinst scripts run in: dependencies (Pre-Depends, then Depends, first alternative
 * present) before dependents, ties and cycles broken by name, so the order is deterministic.
 * Provides are followed. Pure; thread-safe.
 */
public final class InstallOrder {
  private InstallOrder() {}

  public static List<UnpackedDeb> of(List<UnpackedDeb> debs) {
    Map<String, UnpackedDeb> byName = new HashMap<>();
    for (UnpackedDeb d : debs) {
      byName.put(d.name(), d);
    }
    for (UnpackedDeb d : debs) {
      for (Relation r : Relation.parseFlat(d.control().get("Provides", ""))) {
        byName.putIfAbsent(r.name(), d);
      }
    }
    List<UnpackedDeb> out = new ArrayList<>();
    Set<String> done = new HashSet<>();
    Set<String> visiting = new HashSet<>();
    List<UnpackedDeb> sorted = new ArrayList<>(debs);
    sorted.sort(java.util.Comparator.comparing(UnpackedDeb::name));
    for (UnpackedDeb d : sorted) {
      visit(d, byName, done, visiting, out);
    }
    return out;
  }

  private static void visit(
      UnpackedDeb d,
      Map<String, UnpackedDeb> byName,
      Set<String> done,
      Set<String> visiting,
      List<UnpackedDeb> out) {
    if (done.contains(d.name()) || !visiting.add(d.name())) {
      return; // done, or a cycle: dpkg breaks those too
    }
    List<List<Relation>> deps =
        new ArrayList<>(Relation.parseField(d.control().get("Pre-Depends", "")));
    deps.addAll(Relation.parseField(d.control().get("Depends", "")));
    for (List<Relation> g : deps) {
      for (Relation r : g) {
        UnpackedDeb t = byName.get(r.name());
        if (t != null) {
          visit(t, byName, done, visiting, out);
          break;
        }
      }
    }
    visiting.remove(d.name());
    done.add(d.name());
    out.add(d);
  }
}
