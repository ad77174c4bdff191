package dev.ingot.scan.inventory;

import dev.ingot.artifact.InstalledPackage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads dpkg's database: {@code var/lib/dpkg/status} (packages whose Status says "installed") and
 * distroless's {@code var/lib/dpkg/status.d/*} (one stanza per file, no Status field). Name,
 * version, architecture, source package and version (from {@code Source: name (version)}),
 * Depends/Pre-Depends and Provides. Stateless; thread-safe.
 */
public final class DpkgReader implements PackageDbReader {
  static final String STATUS = "var/lib/dpkg/status";
  static final String STATUS_D = "var/lib/dpkg/status.d";

  @Override
  public String format() {
    return "deb";
  }

  /**
   * The most the dpkg database may hold in all its files: a real one is a few MiB. Links to one
   * large file (40 hard links to a 100 MiB status.d entry) once made a 109 KB layer take 30 s and
   * 5.8 GB.
   */
  static final long MAX_TOTAL = 256L << 20;

  @Override
  public Optional<PackageDb> read(RootView root) throws IOException {
    List<Map<String, String>> stanzas = new ArrayList<>();
    List<String> files = new ArrayList<>();
    files.add(STATUS);
    for (String name : root.list(STATUS_D)) {
      // distroless also keeps <pkg>.md5sums beside the stanzas; those are not control files.
      if (!name.endsWith(".md5sums")) {
        files.add(STATUS_D + "/" + name);
      }
    }
    boolean found = false;
    long total = 0;
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String f : files) {
      Optional<dev.ingot.fs.FileEntry> e = root.resolve(f);
      // Each file once, however many links lead to it.
      if (e.isEmpty() || !e.get().isRegular() || !seen.add(e.get().path())) {
        continue;
      }
      total += e.get().size();
      if (total > MAX_TOTAL) {
        throw new IOException(
            root.describe()
                + ": the dpkg database is more than "
                + (MAX_TOTAL >> 20)
                + " MiB (at "
                + f
                + "); a real one is a few MiB");
      }
      // Resolved above; the total bound covers RootView.read's per-file one.
      found = true;
      stanzas.addAll(
          DebControl.parse(new String(root.readResolved(e.get()), StandardCharsets.UTF_8)));
    }
    if (!found) {
      return Optional.empty();
    }
    return Optional.of(fromStanzas(stanzas));
  }

  /** Builds the database from parsed stanzas; exposed for tests. */
  static PackageDb fromStanzas(List<Map<String, String>> stanzas) {
    List<InstalledPackage> pkgs = new ArrayList<>();
    Map<String, List<List<String>>> depends = new LinkedHashMap<>();
    Map<String, List<String>> provides = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    for (Map<String, String> s : stanzas) {
      String name = DebControl.field(s, "Package");
      String version = DebControl.field(s, "Version");
      String st = DebControl.field(s, "Status");
      if (st != null && !installed(st)) {
        continue;
      }
      if (name == null || version == null || name.isBlank() || version.isBlank()) {
        warnings.add("skipped a dpkg stanza without Package and Version: " + s.keySet());
        continue;
      }
      String[] src = source(DebControl.field(s, "Source"));
      pkgs.add(
          new InstalledPackage(
              name,
              version,
              DebControl.field(s, "Architecture"),
              src[0],
              src[1],
              null,
              null,
              null));
      List<List<String>> deps = new ArrayList<>();
      deps.addAll(relations(DebControl.field(s, "Pre-Depends")));
      deps.addAll(relations(DebControl.field(s, "Depends")));
      depends.put(name, deps);
      for (List<String> alt : relations(DebControl.field(s, "Provides"))) {
        provides.computeIfAbsent(alt.get(0), k -> new ArrayList<>()).add(name);
      }
    }
    return new PackageDb(pkgs, depends, provides, warnings);
  }

  /** "install ok installed" → true; "deinstall ok config-files" → false. */
  static boolean installed(String status) {
    String[] w = status.strip().split("\\s+");
    String state = w[w.length - 1];
    return state.equals("installed")
        || state.equals("triggers-pending")
        || state.equals("triggers-awaited");
  }

  /** "openssl (3.0.11-1)" → {openssl, 3.0.11-1}; "openssl" → {openssl, null}. */
  static String[] source(String field) {
    if (field == null || field.isBlank()) {
      return new String[] {null, null};
    }
    String f = field.strip();
    int paren = f.indexOf('(');
    if (paren < 0) {
      return new String[] {f, null};
    }
    String ver =
        f.substring(paren + 1, f.lastIndexOf(')') > paren ? f.lastIndexOf(')') : f.length());
    return new String[] {f.substring(0, paren).strip(), ver.strip()};
  }

  /**
   * Parses a relationship field into alternatives: "a (>= 1), b | c:any" → [[a], [b, c]]. Version
   * constraints and architecture qualifiers are dropped; the graph is over installed names.
   */
  static List<List<String>> relations(String field) {
    List<List<String>> out = new ArrayList<>();
    if (field == null || field.isBlank()) {
      return out;
    }
    for (String clause : field.split(",")) {
      List<String> alts = new ArrayList<>();
      for (String alt : clause.split("\\|")) {
        String n = alt.strip();
        int cut = n.length();
        for (char c : new char[] {' ', '(', '[', '<', ':'}) {
          int i = n.indexOf(c);
          if (i >= 0 && i < cut) {
            cut = i;
          }
        }
        n = n.substring(0, cut);
        if (!n.isEmpty()) {
          alts.add(n);
        }
      }
      if (!alts.isEmpty()) {
        out.add(alts);
      }
    }
    return out;
  }
}
