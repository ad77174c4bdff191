package dev.ingot.template.fn;

import dev.ingot.template.value.Value;
import java.util.Map;

/**
 * Renders an HCL string template with the given variables: what {@code templatefile} needs from the
 * template language. The evaluator provides the implementation; implementations must be safe to
 * call from several threads.
 */
@FunctionalInterface
public interface TemplateRenderer {
  /**
   * @param text the template text (the file's contents)
   * @param filename the file's name, for the positions of diagnostics
   * @param vars the variables the template can refer to by name
   * @return the rendered result (a string, unless the template is a single interpolation)
   * @throws FunctionException when the template does not parse or fails to evaluate
   */
  Value render(String text, String filename, Map<String, Value> vars) throws FunctionException;

  /** A renderer for contexts where templates are not available. */
  TemplateRenderer NONE =
      (text, filename, vars) -> {
        throw FunctionException.failed(
            "templatefile", "templates cannot be rendered in this context");
      };
}
