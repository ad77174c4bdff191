package dev.ingot.pkg.deb.resolve;

import dev.ingot.pkg.deb.BinaryPackage;
import dev.ingot.pkg.deb.DebVersion;
import dev.ingot.pkg.deb.Relation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Chooses the packages to install, as apt does by default: requested packages and their Pre-Depends
 * and Depends (and Recommends when asked), each at the highest version that satisfies the relation;
 * for alternatives, one already chosen wins, else the first installable; virtual names go to a
 * chosen provider, else the provider with the highest priority, then by name. Candidates that
 * conflict with the selection are passed over, and Conflicts/Breaks are checked on the result. The
 * same input always gives the same result. Not thread-safe; one instance per run.
 */
public final class Resolver {
  /**
   * {@code recommends}: follow Recommends (unsatisfiable ones are skipped); {@code baseSystem}: add
   * every Essential: yes and Priority: required package first (minbase and system variants).
   */
  public record Options(boolean recommends, boolean baseSystem) {}

  private final Universe u;
  private final Options options;
  private final Map<String, BinaryPackage> selected = new LinkedHashMap<>();
  private final Map<String, String> reasons = new HashMap<>();
  private final Map<String, String> parents = new HashMap<>();
  private final Map<String, List<Universe.Provider>> selectedProviders = new HashMap<>();
  private final Deque<BinaryPackage> queue = new ArrayDeque<>();
  private final Map<BinaryPackage, List<Relation>> negatives = new java.util.IdentityHashMap<>();

  public Resolver(Universe universe, Options options) {
    this.u = universe;
    this.options = options;
  }

  /** Resolves {@code requests}: package names, optionally pinned as {@code name=version}. */
  public Resolution resolve(List<String> requests) {
    if (options.baseSystem()) {
      for (BinaryPackage p : u.candidates()) {
        if (p.essential() || p.priority().equals("required")) {
          select(p, p.essential() ? "Essential: yes" : "Priority: required", null);
        }
      }
    }
    for (String r : requests) {
      BinaryPackage p = requested(r);
      if (!selected.containsKey(p.name())) {
        select(p, "requested", null);
      } else if (!selected.get(p.name()).version().equals(p.version())) {
        throw new UnsatisfiableException(
            "cannot install '"
                + r
                + "': "
                + selected.get(p.name()).id()
                + " is already chosen ("
                + reasons.get(p.name())
                + ")");
      }
    }
    while (!queue.isEmpty()) {
      BinaryPackage p = queue.poll();
      for (List<Relation> group : parse(p, p.preDepends(), "Pre-Depends")) {
        satisfy(p, group, true);
      }
      for (List<Relation> group : parse(p, p.depends(), "Depends")) {
        satisfy(p, group, true);
      }
      if (options.recommends()) {
        for (List<Relation> group : parse(p, p.recommends(), "Recommends")) {
          satisfy(p, group, false);
        }
      }
    }
    checkConflicts();
    List<BinaryPackage> out = new ArrayList<>(selected.values());
    out.sort(Comparator.comparing(BinaryPackage::name));
    return new Resolution(out, reasons);
  }

  private static List<List<Relation>> parse(BinaryPackage p, String field, String what) {
    try {
      return Relation.parseField(field);
    } catch (IllegalArgumentException e) {
      throw new UnsatisfiableException(p.id() + ": cannot read " + what + ": " + e.getMessage());
    }
  }

  private BinaryPackage requested(String r) {
    String name = r.strip();
    String version = null;
    int eq = name.indexOf('=');
    if (eq > 0) {
      version = name.substring(eq + 1).strip();
      name = name.substring(0, eq).strip();
    }
    List<BinaryPackage> vs = u.versions(name);
    if (version != null) {
      DebVersion want = DebVersion.parse(version);
      return vs.stream()
          .filter(p -> p.version().equals(want))
          .findFirst()
          .orElseThrow(
              () -> new UnsatisfiableException("package '" + r + "' not found; " + seen(vs, r)));
    }
    if (!vs.isEmpty()) {
      return vs.get(0);
    }
    List<Universe.Provider> prov = u.providers(name);
    if (!prov.isEmpty()) {
      return pickProvider(prov, Relation.of(name)).orElse(prov.get(0).pkg());
    }
    throw new UnsatisfiableException(
        "package '"
            + name
            + "' is not in the configured suites for "
            + u.architecture()
            + "; check the name, the suites and the components");
  }

  private void select(BinaryPackage p, String reason, String parent) {
    selected.put(p.name(), p);
    reasons.put(p.name(), reason);
    if (parent != null) {
      parents.put(p.name(), parent);
    }
    for (Relation r : p.providedNames()) {
      DebVersion v = r.version() == null ? null : DebVersion.parse(r.version());
      selectedProviders
          .computeIfAbsent(r.name(), k -> new ArrayList<>())
          .add(new Universe.Provider(p, v));
    }
    queue.add(p);
  }

  private void satisfy(BinaryPackage from, List<Relation> group, boolean hard) {
    for (Relation r : group) {
      if (satisfiedBySelection(r)) {
        return;
      }
    }
    for (Relation r : group) {
      Optional<BinaryPackage> c = pick(r);
      if (c.isPresent()) {
        select(c.get(), from.name() + " (" + groupText(group) + ")", from.name());
        return;
      }
    }
    if (hard) {
      throw unsatisfiable(from, group);
    }
  }

  private boolean satisfiedBySelection(Relation r) {
    BinaryPackage s = selected.get(r.name());
    if (s != null && archOk(r, s) && r.versionMatches(s.version())) {
      return true;
    }
    for (Universe.Provider p : selectedProviders.getOrDefault(r.name(), List.of())) {
      if (r.op() == null || r.versionMatches(p.version())) {
        return true;
      }
    }
    return false;
  }

  private Optional<BinaryPackage> pick(Relation r) {
    BinaryPackage already = selected.get(r.name());
    for (BinaryPackage c : u.versions(r.name())) {
      if (already != null && !already.version().equals(c.version())) {
        continue; // one version per package
      }
      if (archOk(r, c) && r.versionMatches(c.version()) && !conflicts(c)) {
        return Optional.of(c);
      }
    }
    return pickProvider(u.providers(r.name()), r);
  }

  private Optional<BinaryPackage> pickProvider(List<Universe.Provider> providers, Relation r) {
    Comparator<Universe.Provider> order =
        Comparator.<Universe.Provider>comparingInt(p -> priorityRank(p.pkg().priority()))
            .thenComparing(p -> p.pkg().name())
            .thenComparing(p -> p.pkg().version(), Comparator.reverseOrder());
    return providers.stream()
        .filter(p -> r.op() == null || r.versionMatches(p.version()))
        .filter(
            p -> {
              BinaryPackage already = selected.get(p.pkg().name());
              return already == null || already.version().equals(p.pkg().version());
            })
        .filter(p -> !conflicts(p.pkg()))
        .sorted(order)
        .map(Universe.Provider::pkg)
        .findFirst();
  }

  private static int priorityRank(String priority) {
    return switch (priority) {
      case "required" -> 0;
      case "important" -> 1;
      case "standard" -> 2;
      case "optional" -> 3;
      default -> 4;
    };
  }

  private boolean archOk(Relation r, BinaryPackage c) {
    return switch (r.archQualifier()) {
      case "", "native" -> true; // the universe holds only native and 'all' packages
      case "any" -> c.multiArch().equals("allowed") || c.architecture().equals("all");
      default -> r.archQualifier().equals(c.architecture()) || c.architecture().equals("all");
    };
  }

  /** Whether {@code c} conflicts with or breaks a selected package, or they with it. */
  private boolean conflicts(BinaryPackage c) {
    for (BinaryPackage s : selected.values()) {
      if (!s.name().equals(c.name()) && (hits(s, c) || hits(c, s))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a Conflicts or Breaks entry of {@code a} matches {@code b}. */
  private boolean hits(BinaryPackage a, BinaryPackage b) {
    return conflictEntry(a, b).isPresent();
  }

  private List<Relation> negative(BinaryPackage a) {
    return negatives.computeIfAbsent(
        a,
        k -> {
          List<Relation> rs = new ArrayList<>(Relation.parseFlat(k.conflicts()));
          rs.addAll(Relation.parseFlat(k.breaks()));
          return rs;
        });
  }

  private Optional<Relation> conflictEntry(BinaryPackage a, BinaryPackage b) {
    List<Relation> rs = negative(a);
    if (rs.isEmpty()) {
      return Optional.empty();
    }
    for (Relation r : rs) {
      if (r.name().equals(b.name()) && r.versionMatches(b.version())) {
        return Optional.of(r);
      }
      if (r.op() == null && !a.name().equals(b.name())) {
        for (Relation p : b.providedNames()) {
          if (p.name().equals(r.name())) {
            return Optional.of(r);
          }
        }
      }
    }
    return Optional.empty();
  }

  private void checkConflicts() {
    List<BinaryPackage> all = new ArrayList<>(selected.values());
    all.sort(Comparator.comparing(BinaryPackage::name));
    for (BinaryPackage a : all) {
      for (BinaryPackage b : all) {
        if (a != b) {
          Optional<Relation> r = conflictEntry(a, b);
          if (r.isPresent()) {
            throw new UnsatisfiableException(
                a.id()
                    + " ("
                    + chain(a.name())
                    + ") conflicts with or breaks "
                    + b.id()
                    + " ("
                    + chain(b.name())
                    + ") through '"
                    + r.get()
                    + "'");
          }
        }
      }
    }
  }

  private UnsatisfiableException unsatisfiable(BinaryPackage from, List<Relation> group) {
    StringBuilder why = new StringBuilder();
    why.append("cannot satisfy '").append(groupText(group)).append("' of ").append(from.id());
    why.append("\n  chain: ").append(chain(from.name())).append(" -> ").append(groupText(group));
    for (Relation r : group) {
      why.append("\n  ").append(r.name()).append(": ");
      List<BinaryPackage> vs = u.versions(r.name());
      List<Universe.Provider> ps = u.providers(r.name());
      if (vs.isEmpty() && ps.isEmpty()) {
        why.append("no such package in the configured suites");
        continue;
      }
      if (!vs.isEmpty()) {
        why.append(seen(vs, r.toString()));
      }
      if (!ps.isEmpty()) {
        why.append(vs.isEmpty() ? "" : "; ")
            .append("provided by ")
            .append(
                ps.stream().map(p -> p.pkg().id()).distinct().collect(Collectors.joining(", ")));
      }
      BinaryPackage s = selected.get(r.name());
      if (s != null) {
        why.append("; already chosen: ").append(s.id());
      }
    }
    return new UnsatisfiableException(why.toString());
  }

  private static String seen(List<BinaryPackage> vs, String what) {
    if (vs.isEmpty()) {
      return "no version of it in the configured suites";
    }
    return "versions seen: "
        + vs.stream()
            .map(p -> p.version() + " (" + p.suite() + ")")
            .collect(Collectors.joining(", "));
  }

  /** "requested foo -> bar -> baz": how {@code name} came to be selected. */
  private String chain(String name) {
    Deque<String> path = new ArrayDeque<>();
    String n = name;
    for (int guard = 0; n != null && guard < 100; guard++) {
      BinaryPackage p = selected.get(n);
      path.addFirst(p == null ? n : p.id());
      n = parents.get(n);
      if (n == null && p != null) {
        String root = reasons.get(p.name());
        if (!root.contains("(")) {
          path.addFirst(root);
        }
      }
    }
    return String.join(" -> ", path);
  }

  private static String groupText(List<Relation> group) {
    return group.stream().map(Relation::toString).collect(Collectors.joining(" | "));
  }
}
