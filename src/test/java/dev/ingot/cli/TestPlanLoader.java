package dev.ingot.cli;

import dev.ingot.build.plan.Masker;
import dev.ingot.build.plan.Plan;
import dev.ingot.build.plan.PlanLoader;
import dev.ingot.build.plan.PlannedBuild;
import dev.ingot.build.plan.PlannedProvisioner;
import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Diagnostics;
import dev.ingot.diag.Pos;
import dev.ingot.diag.Range;
import dev.ingot.plugin.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stand-in for the template layer, for *.testplan files: each line "NAME PROVISIONER-TYPE
 * COMMAND…" is a null build with one provisioner running COMMAND; "secret VALUE" masks VALUE; "var
 * NAME" echoes the -var of that name. Unknown types give the registry's diagnostic.
 */
public final class TestPlanLoader implements PlanLoader {
  @Override
  public boolean accepts(Path template) {
    return template.toString().endsWith(".testplan");
  }

  @Override
  public Loaded load(Request r) {
    List<PlannedBuild> builds = new ArrayList<>();
    List<String> secrets = new ArrayList<>();
    List<Diagnostic> diags = new ArrayList<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(r.template());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    for (int i = 0; i < lines.size(); i++) {
      String[] w = lines.get(i).split(" ", 3);
      Range at =
          new Range(
              r.template().getFileName().toString(),
              new Pos(i + 1, 1, 0),
              new Pos(i + 1, 1 + w[0].length(), w[0].length()));
      if (w[0].equals("secret")) {
        secrets.add(w[1]);
        continue;
      }
      String command = w.length > 2 ? w[2] : "true";
      for (String v : r.vars()) {
        command =
            command.replace(
                "${var." + v.substring(0, v.indexOf('=')) + "}", v.substring(v.indexOf('=') + 1));
      }
      var source = r.plugins().source("null", at).plugin().orElseThrow();
      var prov = r.plugins().provisioner(w[1], at);
      if (prov.plugin().isEmpty()) {
        diags.add(prov.diagnostic().orElseThrow());
        continue;
      }
      PlannedProvisioner p =
          new PlannedProvisioner(
              w[1],
              prov.plugin().get(),
              Config.of(Map.of("inline", List.of(command), "remote_folder", "/tmp")),
              null,
              0,
              null,
              at);
      builds.add(
          PlannedBuild.of(w[0], source, Config.of(Map.of("communicator", "none")))
              .withProvisioners(List.of(p)));
    }
    if (!diags.isEmpty()) {
      return new Loaded(Optional.empty(), new Diagnostics(diags));
    }
    Plan plan = new Plan(builds, Masker.of(secrets), r.template().getParent());
    return new Loaded(Optional.of(r.filter().apply(plan)), Diagnostics.NONE);
  }
}
