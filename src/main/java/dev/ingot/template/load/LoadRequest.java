package dev.ingot.template.load;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to load: the template file or directory as written on the command line (relative to {@code
 * cwd}), the raw {@code -var name=value} options and {@code -var-file} paths in order, the
 * environment (PKR_VAR_*, INGOT_VAR_*, env()), the Packer version whose language we follow (for
 * {@code required_version} and {@code packer.version}) and the clock for {@code timestamp()}.
 * Immutable.
 */
public record LoadRequest(
    String template,
    Path cwd,
    List<String> vars,
    List<String> varFiles,
    Map<String, String> env,
    String packerVersion,
    Clock clock) {
  public LoadRequest {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(cwd, "cwd");
    vars = List.copyOf(vars);
    varFiles = List.copyOf(varFiles);
    env = Map.copyOf(env);
    Objects.requireNonNull(packerVersion, "packerVersion");
    clock = clock == null ? Clock.systemUTC() : clock;
  }

  /** A request with no variables and an empty environment (for tests and tools). */
  public static LoadRequest of(String template, Path cwd, String packerVersion) {
    return new LoadRequest(template, cwd, List.of(), List.of(), Map.of(), packerVersion, null);
  }

  public LoadRequest withVars(List<String> v) {
    return new LoadRequest(template, cwd, v, varFiles, env, packerVersion, clock);
  }

  public LoadRequest withVarFiles(List<String> f) {
    return new LoadRequest(template, cwd, vars, f, env, packerVersion, clock);
  }

  public LoadRequest withEnv(Map<String, String> e) {
    return new LoadRequest(template, cwd, vars, varFiles, e, packerVersion, clock);
  }
}
