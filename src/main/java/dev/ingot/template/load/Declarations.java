package dev.ingot.template.load;

import dev.ingot.template.hcl.Block;
import dev.ingot.template.model.LocalDecl;
import dev.ingot.template.model.PackerBlock;
import dev.ingot.template.model.SourceDecl;
import dev.ingot.template.model.SourceRef;
import dev.ingot.template.model.VariableDecl;
import java.util.List;
import java.util.Map;

/**
 * What the files of a template declare, checked statically but not evaluated: packer blocks,
 * variables (in declaration order), locals, sources and the build blocks; {@code sourcesComplete}
 * is false when a source block could not be read; {@code brokenVariables} are the variables whose
 * declaration has errors (they get no "Unset variable" error on top). Immutable.
 */
record Declarations(
    List<PackerBlock> packerBlocks,
    Map<String, VariableDecl> variables,
    List<LocalDecl> locals,
    Map<SourceRef, SourceDecl> sources,
    List<Block> builds,
    boolean sourcesComplete,
    java.util.Set<String> brokenVariables) {
  Declarations {
    packerBlocks = List.copyOf(packerBlocks);
    variables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
    locals = List.copyOf(locals);
    sources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sources));
    builds = List.copyOf(builds);
    brokenVariables = java.util.Set.copyOf(brokenVariables);
  }
}
