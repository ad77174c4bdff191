package dev.ingot.build.plan;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A fully evaluated, schema-checked build plan: the engine's only input. {@code masker} hides the
 * template's sensitive values in everything the engine prints or writes; {@code templateDir} is
 * where relative paths in the template are resolved. -only/-except are already applied. Immutable.
 */
public record Plan(List<PlannedBuild> builds, Masker masker, Path templateDir) {
  public Plan {
    builds = List.copyOf(builds);
    masker = masker == null ? Masker.NONE : masker;
    if (templateDir == null) {
      throw new IllegalArgumentException("a plan needs the template directory");
    }
    Set<String> names = new HashSet<>();
    for (PlannedBuild b : builds) {
      if (!names.add(b.buildName())) {
        throw new IllegalArgumentException("two builds are named " + b.buildName());
      }
    }
  }

  public static Plan of(Path templateDir, PlannedBuild... builds) {
    return new Plan(List.of(builds), Masker.NONE, templateDir);
  }

  public Plan withMasker(Masker m) {
    return new Plan(builds, m, templateDir);
  }

  public Plan withBuilds(List<PlannedBuild> bs) {
    return new Plan(bs, masker, templateDir);
  }
}
