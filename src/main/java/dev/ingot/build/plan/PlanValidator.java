package dev.ingot.build.plan;

import dev.ingot.artifact.Artifact;
import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks of a plan that need the plugins, run before anything is built: each plugin's own {@link
 * dev.ingot.plugin.Plugin#check} of its config, every post-processor accepts the artifact type that
 * reaches it (following the types sources and post-processors declare), and provisioners that need
 * a communicator only follow sources that have one. Stateless.
 */
public final class PlanValidator {
  private PlanValidator() {}

  public static Diagnostics validate(Plan plan) {
    List<Diagnostic> diags = new ArrayList<>();
    for (PlannedBuild b : plan.builds()) {
      diags.addAll(b.source().check(b.sourceConfig()).all());
      b.provisioners().forEach(p -> diags.addAll(p.plugin().check(p.config()).all()));
      b.errorCleanupProvisioner().ifPresent(p -> diags.addAll(p.plugin().check(p.config()).all()));
      b.chains().forEach(c -> c.forEach(pp -> diags.addAll(pp.plugin().check(pp.config()).all())));
      List<PlannedProvisioner> provs = new ArrayList<>(b.provisioners());
      b.errorCleanupProvisioner().ifPresent(provs::add);
      for (PlannedProvisioner p : provs) {
        if (p.plugin().needsCommunicator() && !b.source().hasCommunicator()) {
          diags.add(
              Diagnostic.error(
                  "Provisioner \"" + p.type() + "\" needs a communicator",
                  "The source of build \""
                      + b.buildName()
                      + "\" (type "
                      + b.sourceType()
                      + ") has no communicator, so only provisioners that run on this machine"
                      + " (shell-local) can be used; use shell-local, or a source with a"
                      + " communicator.",
                  p.range()));
        }
      }
      Class<? extends Artifact> produced = b.source().produces(b.sourceConfig());
      for (PlannedPostProcessor c : b.customizations()) {
        diags.addAll(c.plugin().check(c.config()).all());
        if (!takes(c, produced)) {
          diags.add(
              Diagnostic.error(
                  "Source \"" + b.sourceType() + "\" cannot be customized",
                  "A customize block changes a root filesystem; what this source makes is "
                      + describe(produced)
                      + ". Use it in a source that makes a root filesystem (debian, oci), or"
                      + " customize a later artifact with a customize post-processor.",
                  c.range()));
        }
      }
      for (List<PlannedPostProcessor> chain : b.chains()) {
        Class<? extends Artifact> type = produced;
        for (PlannedPostProcessor pp : chain) {
          checkAccepts(b, pp, type).ifPresent(diags::add);
          type = pp.plugin().produces(type, pp.config());
        }
      }
    }
    return new Diagnostics(diags);
  }

  /** Whether {@code pp} takes {@code incoming}; an unknown type ({@code Artifact}) passes. */
  private static boolean takes(PlannedPostProcessor pp, Class<? extends Artifact> incoming) {
    Set<Class<? extends Artifact>> accepts = pp.plugin().accepts();
    return incoming == Artifact.class
        || accepts.isEmpty()
        || accepts.stream().anyMatch(a -> a.isAssignableFrom(incoming));
  }

  private static java.util.Optional<Diagnostic> checkAccepts(
      PlannedBuild b, PlannedPostProcessor pp, Class<? extends Artifact> incoming) {
    if (takes(pp, incoming)) {
      return java.util.Optional.empty();
    }
    Set<Class<? extends Artifact>> accepts = pp.plugin().accepts();
    return java.util.Optional.of(
        Diagnostic.error(
            "Post-processor \"" + pp.type() + "\" cannot take a " + describe(incoming),
            "In build \""
                + b.buildName()
                + "\" this post-processor gets a "
                + describe(incoming)
                + ", but it accepts only "
                + accepts.stream()
                    .map(PlanValidator::describe)
                    .sorted()
                    .collect(Collectors.joining(" or "))
                + ". Put a post-processor that makes one before it, or move it to another chain.",
            pp.range()));
  }

  /** A human name of an artifact type: "RootFs" → "root filesystem (RootFs)". */
  static String describe(Class<? extends Artifact> c) {
    String human =
        switch (c.getSimpleName()) {
          case "NoArtifact" -> "nothing";
          case "RootFs" -> "root filesystem";
          case "ContainerImage" -> "container image";
          case "PushedImage" -> "pushed image";
          case "DiskImage" -> "disk image";
          case "DiskFiles" -> "converted disk files";
          case "Ova" -> "OVA";
          case "FileSet" -> "set of files";
          default -> c.getSimpleName();
        };
    return human + " (" + c.getSimpleName() + ")";
  }
}
