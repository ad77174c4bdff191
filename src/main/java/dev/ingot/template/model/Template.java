package dev.ingot.template.model;

import dev.ingot.template.value.Value;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded template: variables and locals with their final values, the sources and the builds,
 * ready for planning. {@code rootDir} is the template's directory (absolute); {@code pathRoot} is
 * {@code path.root} as Packer gives it (the directory as written on the command line). Values of
 * sensitive variables and locals carry the sensitive mark. Immutable.
 */
public record Template(
    Path rootDir,
    String pathRoot,
    List<PackerBlock> packerBlocks,
    Map<String, Variable> variables,
    Map<String, Local> locals,
    Map<SourceRef, SourceDecl> sources,
    List<BuildDecl> builds) {
  public Template {
    packerBlocks = List.copyOf(packerBlocks);
    variables = unmodifiable(variables);
    locals = unmodifiable(locals);
    sources = unmodifiable(sources);
    builds = List.copyOf(builds);
  }

  private static <K, V> Map<K, V> unmodifiable(Map<K, V> m) {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  /** A variable with its declaration, its final value and where that value came from. */
  public record Variable(VariableDecl decl, Value value, String from) {}

  /** A local with its declaration and value. */
  public record Local(LocalDecl decl, Value value) {}

  /** {@code var} as the evaluator sees it: name to value. */
  public Map<String, Value> variableValues() {
    Map<String, Value> out = new LinkedHashMap<>();
    variables.forEach((k, v) -> out.put(k, v.value()));
    return out;
  }

  public Map<String, Value> localValues() {
    Map<String, Value> out = new LinkedHashMap<>();
    locals.forEach((k, v) -> out.put(k, v.value()));
    return out;
  }
}
