package dev.ingot.build.plan;

import dev.ingot.diag.Diagnostics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a template into a {@link Plan}: parse, evaluate variables and locals, check each block
 * against its plugin's schema ({@link SchemaChecker}), apply -only/-except ({@link BuildFilter}).
 * Implemented by the template layer and found with {@link java.util.ServiceLoader}; {@code ingot
 * build} uses the first loader that {@link #accepts} the path. Implementations are stateless.
 */
public interface PlanLoader {
  /**
   * What the CLI hands over: the template file or directory, the working directory, the raw {@code
   * -var name=value} flags in order, the {@code -var-file} paths, the environment (for PKR_VAR_*),
   * the -only/-except filter and the plugins.
   */
  record Request(
      Path template,
      Path cwd,
      List<String> vars,
      List<Path> varFiles,
      Map<String, String> env,
      BuildFilter filter,
      PluginRegistry plugins) {
    public Request {
      vars = List.copyOf(vars);
      varFiles = List.copyOf(varFiles);
      env = Map.copyOf(env);
    }
  }

  /** The plan (absent when there are errors) and every diagnostic found on the way. */
  record Loaded(Optional<Plan> plan, Diagnostics diagnostics) {
    public Loaded {
      if (plan.isEmpty() && !diagnostics.hasErrors()) {
        throw new IllegalArgumentException("no plan and no error");
      }
    }
  }

  /** Whether this loader reads {@code template} (e.g. a *.pkr.hcl file or a directory of them). */
  boolean accepts(Path template);

  Loaded load(Request request);
}
