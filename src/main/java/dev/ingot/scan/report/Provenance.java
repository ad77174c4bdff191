package dev.ingot.scan.report;

import dev.ingot.scan.inventory.Inventory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which top-level packages (those no other installed package depends on) bring a package in,
 * through the dependency graph of the inventory, so a report can say "libssl3, via curl". Built
 * once per report. Not thread-safe.
 */
public final class Provenance {
  private final Map<String, List<String>> reverse = new HashMap<>();
  private final Set<String> roots = new HashSet<>();
  private final Map<String, List<String>> cache = new HashMap<>();

  public Provenance(Inventory inv) {
    Set<String> depended = new HashSet<>();
    inv.dependsOn()
        .forEach(
            (pkg, deps) -> {
              for (String d : deps) {
                reverse.computeIfAbsent(d, k -> new ArrayList<>()).add(pkg);
                depended.add(d);
              }
            });
    inv.packages()
        .forEach(
            p -> {
              if (!depended.contains(p.name())) {
                roots.add(p.name());
              }
            });
  }

  /** The top-level packages that need {@code pkg} (itself when it is top-level), sorted. */
  public List<String> broughtBy(String pkg) {
    return cache.computeIfAbsent(pkg, this::walk);
  }

  private List<String> walk(String pkg) {
    Set<String> found = new TreeSet<>();
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(pkg));
    while (!todo.isEmpty()) {
      String p = todo.pop();
      if (!seen.add(p)) {
        continue;
      }
      if (roots.contains(p)) {
        found.add(p);
      }
      todo.addAll(reverse.getOrDefault(p, List.of()));
    }
    return new ArrayList<>(found);
  }
}
