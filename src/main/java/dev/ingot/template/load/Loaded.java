package dev.ingot.template.load;

import dev.ingot.diag.Diagnostics;
import dev.ingot.diag.SourceSet;
import dev.ingot.template.fn.FunctionContext;
import dev.ingot.template.fn.Functions;
import dev.ingot.template.model.Template;
import java.util.Optional;
import java.util.Set;

/**
 * The result of loading: the template (absent when there are errors), every diagnostic, the source
 * text of the files read (for printing diagnostics with their lines), the functions and function
 * context that expressions inside builds are evaluated with, and the texts of sensitive values
 * found so far (to mask in every output, also when loading failed). Immutable.
 */
public record Loaded(
    Optional<Template> template,
    Diagnostics diagnostics,
    SourceSet sources,
    Functions functions,
    FunctionContext functionContext,
    Set<String> secrets) {
  public Loaded {
    secrets = Set.copyOf(secrets);
  }
}
