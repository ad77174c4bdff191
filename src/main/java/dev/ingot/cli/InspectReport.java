package dev.ingot.cli;

import dev.ingot.build.plan.Masker;
import dev.ingot.build.plan.Plan;
import dev.ingot.build.plan.PlannedBuild;
import dev.ingot.build.plan.PlannedPostProcessor;
import dev.ingot.build.plan.PlannedProvisioner;
import dev.ingot.build.plan.PluginRegistry;
import dev.ingot.diag.Range;
import dev.ingot.template.model.BuildDecl;
import dev.ingot.template.model.PluginBlock;
import dev.ingot.template.model.SourceDecl;
import dev.ingot.template.model.Template;
import dev.ingot.template.value.Value;
import dev.ingot.template.value.ValuePrinter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The text of {@code ingot inspect} for a loaded template and its plan. Values are printed in HCL
 * syntax on one line, sensitive ones as {@code <sensitive>}. For each provisioner and
 * post-processor, the sources it runs for are named when it does not run for all. Not thread-safe.
 */
final class InspectReport {
  private final Template t;
  private final Plan plan;
  private final PluginRegistry plugins;
  private final StringBuilder out = new StringBuilder();

  InspectReport(Template t, Plan plan, PluginRegistry plugins) {
    this.t = t;
    this.plan = plan;
    this.plugins = plugins;
  }

  String render() {
    out.append("Ingot Inspect: HCL2 mode\n\n> input-variables:\n\n");
    if (t.variables().isEmpty()) {
      out.append("  (none)\n");
    }
    t.variables()
        .forEach(
            (name, v) -> {
              out.append("var.").append(name).append(": ").append(value(v.value()));
              List<String> about = new ArrayList<>();
              if (v.decl().typed()) {
                about.add(v.decl().type().typeExpr());
              }
              if (v.decl().sensitive()) {
                about.add("sensitive");
              }
              if (!v.from().equals("its default")) {
                about.add("from " + v.from());
              }
              if (!about.isEmpty()) {
                out.append("  (").append(String.join(", ", about)).append(')');
              }
              out.append('\n');
              if (!v.decl().description().isBlank()) {
                out.append("    ").append(v.decl().description().strip().replace("\n", "\n    "));
                out.append('\n');
              }
            });
    out.append("\n> local-variables:\n\n");
    if (t.locals().isEmpty()) {
      out.append("  (none)\n");
    }
    t.locals()
        .forEach(
            (name, l) ->
                out.append("local.")
                    .append(name)
                    .append(": ")
                    .append(value(l.value()))
                    .append('\n'));
    out.append("\n> sources:\n\n");
    for (SourceDecl s : t.sources().values()) {
      out.append("  ").append(s.ref());
      plugins
          .source(s.ref().type(), null)
          .plugin()
          .ifPresent(p -> out.append(": ").append(p.description()));
      out.append('\n');
    }
    out.append("\n> builds:\n");
    for (BuildDecl b : t.builds()) {
      build(b);
    }
    return out.toString();
  }

  /** The settings the source's customize blocks make, in the schema's order: "hostname, users". */
  private static String customized(PlannedBuild b) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    b.customizations()
        .forEach(
            c -> c.plugin().schema().names().stream().filter(c.config()::has).forEach(names::add));
    return String.join(", ", names);
  }

  private void build(BuildDecl b) {
    List<PlannedBuild> planned = new ArrayList<>();
    out.append("\n  > ").append(b.name().isEmpty() ? "(unnamed build)" : b.name()).append(":\n");
    if (!b.description().isBlank()) {
      out.append("\n  > Description: ").append(b.description().strip()).append('\n');
    }
    out.append("\n    sources:\n\n");
    for (BuildDecl.BuildSource s : b.sources()) {
      String full = (b.name().isEmpty() ? "" : b.name() + ".") + s.runAs();
      Optional<PlannedBuild> pb =
          plan.builds().stream().filter(x -> x.buildName().equals(full)).findFirst();
      pb.ifPresent(planned::add);
      out.append("      ").append(s.runAs());
      if (!s.runAs().equals(s.ref())) {
        out.append(" (source ").append(s.ref()).append(')');
      }
      if (pb.isEmpty()) {
        out.append(" (left out by -only/-except)");
      }
      pb.map(InspectReport::customized)
          .filter(x -> !x.isEmpty())
          .ifPresent(x -> out.append(" (customize: ").append(x).append(')'));
      out.append('\n');
    }
    if (!b.provisioners().isEmpty() || b.errorCleanupProvisioner().isPresent()) {
      out.append("\n    provisioners:\n\n");
      for (PluginBlock p : b.provisioners()) {
        provisioner(p, planned, false);
      }
      b.errorCleanupProvisioner().ifPresent(p -> provisioner(p, planned, true));
    }
    if (!b.chains().isEmpty()) {
      out.append("\n    post-processors:\n\n");
      for (int i = 0; i < b.chains().size(); i++) {
        out.append("      ").append(i).append(":\n");
        for (PluginBlock p : b.chains().get(i)) {
          postProcessor(p, planned, i);
        }
      }
    }
  }

  private void provisioner(PluginBlock p, List<PlannedBuild> planned, boolean cleanup) {
    Map<String, PlannedProvisioner> runs = new LinkedHashMap<>();
    for (PlannedBuild pb : planned) {
      List<PlannedProvisioner> list = new ArrayList<>(pb.provisioners());
      pb.errorCleanupProvisioner().ifPresent(list::add);
      list.stream()
          .filter(x -> same(x.range(), p.range()))
          .findFirst()
          .ifPresent(x -> runs.put(pb.sourceType() + "." + pb.sourceName(), x));
    }
    out.append("      ").append(cleanup ? "error-cleanup-provisioner " : "").append(p.type());
    List<String> notes = new ArrayList<>(only(runs.keySet(), planned));
    runs.values().stream()
        .findFirst()
        .ifPresent(
            x -> {
              if (!x.pauseBefore().isZero()) {
                notes.add("pause_before " + duration(x.pauseBefore()));
              }
              if (x.maxRetries() > 0) {
                notes.add("max_retries " + x.maxRetries());
              }
              if (!x.timeout().isZero()) {
                notes.add("timeout " + duration(x.timeout()));
              }
            });
    notes(notes);
  }

  private void postProcessor(PluginBlock p, List<PlannedBuild> planned, int chain) {
    Map<String, PlannedPostProcessor> runs = new LinkedHashMap<>();
    for (PlannedBuild pb : planned) {
      pb.chains().stream()
          .flatMap(List::stream)
          .filter(x -> same(x.range(), p.range()))
          .findFirst()
          .ifPresent(x -> runs.put(pb.sourceType() + "." + pb.sourceName(), x));
    }
    out.append("        ").append(p.type());
    List<String> notes = new ArrayList<>(only(runs.keySet(), planned));
    runs.values().stream()
        .findFirst()
        .ifPresent(
            x -> {
              if (!x.name().isEmpty()) {
                notes.add(0, "name " + x.name());
              }
              if (x.keepInputArtifact()) {
                notes.add("keep_input_artifact");
              }
            });
    notes(notes);
  }

  private static List<String> only(java.util.Set<String> runs, List<PlannedBuild> planned) {
    if (runs.size() == planned.size()) {
      return List.of();
    }
    return List.of(runs.isEmpty() ? "runs for no source" : "only " + String.join(", ", runs));
  }

  private void notes(List<String> notes) {
    if (!notes.isEmpty()) {
      out.append(" (").append(String.join("; ", notes)).append(')');
    }
    out.append('\n');
  }

  private static boolean same(Range a, Range b) {
    return a != null && a.equals(b);
  }

  private static String duration(Duration d) {
    return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
  }

  private static String value(Value v) {
    if (v.isSensitive()) {
      return Masker.MASK;
    }
    return ValuePrinter.compact(v).replace(ValuePrinter.SENSITIVE, Masker.MASK);
  }
}
