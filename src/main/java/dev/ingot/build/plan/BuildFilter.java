package dev.ingot.build.plan;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;

/**
 * The -only/-except flags as Packer 1.6 applies them: builds ("null.example") are kept when they
 * match an -only glob (if any) and no -except glob; post-processors are dropped when their name (or
 * type, if unnamed) matches an -except glob; -only does not apply to post-processors. Immutable.
 */
public record BuildFilter(List<Glob> only, List<Glob> except) {
  public static final BuildFilter ALL = new BuildFilter(List.of(), List.of());

  public BuildFilter {
    only = List.copyOf(only);
    except = List.copyOf(except);
  }

  /** The parsed filter and one diagnostic per malformed pattern ("Invalid -only pattern …"). */
  public record Parsed(BuildFilter filter, Diagnostics diagnostics) {}

  /** Parses the flag values; each may hold several comma-separated patterns. */
  public static Parsed parse(List<String> only, List<String> except) {
    List<Diagnostic> diags = new ArrayList<>();
    List<Glob> o = globs(only, "only", diags);
    List<Glob> e = globs(except, "except", diags);
    return new Parsed(new BuildFilter(o, e), new Diagnostics(diags));
  }

  private static List<Glob> globs(List<String> values, String flag, List<Diagnostic> diags) {
    List<Glob> out = new ArrayList<>();
    for (String v : values) {
      for (String p : splitTopLevel(v)) {
        if (p.isEmpty()) {
          continue;
        }
        try {
          out.add(Glob.parse(p));
        } catch (IllegalArgumentException ex) {
          diags.add(
              Diagnostic.error(
                  "Invalid -" + flag + " pattern " + p + ": " + ex.getMessage(),
                  "Patterns are globs such as \"null.*\" or \"*.example\".",
                  null));
        }
      }
    }
    return out;
  }

  // Commas inside {a,b} belong to the glob; the others separate patterns.
  private static List<String> splitTopLevel(String v) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\\' && i + 1 < v.length()) {
        cur.append(c).append(v.charAt(++i));
        continue;
      }
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
      }
      if (c == ',' && depth == 0) {
        parts.add(cur.toString().strip());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    parts.add(cur.toString().strip());
    return parts;
  }

  public boolean includesBuild(String buildName) {
    if (!only.isEmpty() && only.stream().noneMatch(g -> g.matches(buildName))) {
      return false;
    }
    return except.stream().noneMatch(g -> g.matches(buildName));
  }

  public boolean includesPostProcessor(PlannedPostProcessor pp) {
    return except.stream().noneMatch(g -> g.matches(pp.filterName()));
  }

  /**
   * The {@code only}/{@code except} arguments of a provisioner or post-processor block: exact
   * source names ("null.example"), not globs. True when the step should be skipped for {@code
   * buildName}.
   */
  public static boolean skipsStep(List<String> onlyArg, List<String> exceptArg, String buildName) {
    if (!onlyArg.isEmpty() && !onlyArg.contains(buildName)) {
      return true;
    }
    return exceptArg.contains(buildName);
  }

  /** Applies this filter to a plan: drops builds, and post-processors matched by -except. */
  public Plan apply(Plan plan) {
    List<PlannedBuild> kept = new ArrayList<>();
    for (PlannedBuild b : plan.builds()) {
      if (!includesBuild(b.buildName())) {
        continue;
      }
      List<List<PlannedPostProcessor>> chains =
          b.chains().stream()
              .map(c -> c.stream().filter(this::includesPostProcessor).toList())
              .toList();
      kept.add(b.withChains(chains));
    }
    return plan.withBuilds(kept);
  }
}
