package dev.ingot.template.load;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Range;
import dev.ingot.template.hcl.Attribute;
import dev.ingot.template.hcl.Block;
import dev.ingot.template.hcl.Body;
import dev.ingot.template.model.BuildDecl;
import dev.ingot.template.model.PluginBlock;
import dev.ingot.template.model.SourceDecl;
import dev.ingot.template.model.SourceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code build} blocks: the literal name, description and source list, {@code sbom = true}
 * (an implicit {@code sbom} post-processor chain), build-level {@code source} blocks (renames and
 * fill-ins), provisioners, the error-cleanup provisioner and post-processor chains, with {@code
 * dynamic} provisioner and post-processor blocks expanded. Checks that referenced sources exist and
 * that no two builds get the same name. Not thread-safe (one per load).
 */
final class BuildDecoder {
  private static final BodySchema BUILD =
      BodySchema.builder()
          .attr("name", "description", "sources", "sbom")
          .block("source", "reference")
          .block("provisioner", "type")
          .block("error-cleanup-provisioner", "type")
          .block("post-processor", "type")
          .block("post-processors")
          .block("dynamic", "type")
          .build();
  private static final BodySchema CHAIN =
      BodySchema.builder().block("post-processor", "type").block("dynamic", "type").build();

  private final Map<SourceRef, SourceDecl> sources;
  private final boolean sourcesComplete;
  private final ScopeEval eval;
  private final List<Diagnostic> diags;
  private final Map<String, Range> buildNames = new LinkedHashMap<>();

  /**
   * {@code sourcesComplete} is false when some source block could not be read; references to
   * unknown sources are then not reported (they would only repeat that error).
   */
  BuildDecoder(
      Map<SourceRef, SourceDecl> sources,
      boolean sourcesComplete,
      ScopeEval eval,
      List<Diagnostic> diags) {
    this.sources = sources;
    this.sourcesComplete = sourcesComplete;
    this.eval = eval;
    this.diags = diags;
  }

  Optional<BuildDecl> decode(Block b) {
    BodySchema.Content c = BUILD.check(b.body(), diags);
    String name = literal(c, "name").orElse("");
    if (!name.isEmpty() && !SourceRef.isName(name)) {
      diags.add(
          Diagnostic.error(
              "Invalid build name",
              "A build name must start with a letter and may contain only letters, digits,"
                  + " underscores and dashes.",
              c.attributes().get("name").expr().range()));
    }
    String description = literal(c, "description").orElse("");
    List<BuildDecl.BuildSource> runs = new ArrayList<>();
    Attribute list = c.attributes().get("sources");
    if (list != null) {
      Literals.strings(list.expr(), diags)
          .ifPresent(els -> els.forEach(el -> reference(el.value(), el.expr().range(), runs)));
    }
    List<PluginBlock> provisioners = new ArrayList<>();
    Optional<PluginBlock> cleanup = Optional.empty();
    List<List<PluginBlock>> chains = new ArrayList<>();
    for (Block nested : c.blocks()) {
      switch (nested.type()) {
        case "source" -> buildSource(nested, runs);
        case "provisioner" -> provisioners.add(plugin(nested));
        case "error-cleanup-provisioner" -> {
          if (cleanup.isPresent()) {
            diags.add(
                Diagnostic.error(
                    "Duplicate error-cleanup-provisioner block",
                    "A build may have only one error-cleanup-provisioner; the first one is at "
                        + DeclarationDecoder.where(cleanup.get().range())
                        + ".",
                    nested.typeRange()));
          } else {
            cleanup = Optional.of(plugin(nested));
          }
        }
        case "post-processor" -> chains.add(List.of(plugin(nested)));
        case "post-processors" -> chains.add(chain(nested));
        case "dynamic" -> dynamic(nested, provisioners, chains);
        default -> throw new IllegalStateException(nested.type());
      }
    }
    if (list == null && c.blocks("source").isEmpty()) {
      diags.add(
          Diagnostic.warning(
              "Build without sources",
              "This build names no source, so it does nothing. Add sources = [\"source.TYPE.NAME\"].",
              b.typeRange()));
    }
    Attribute sbom = c.attributes().get("sbom");
    if (sbom != null && Literals.bool(sbom.expr(), diags).orElse(false)) {
      chains.add(0, List.of(implicitSbom(sbom)));
    }
    checkNames(name, runs);
    return Optional.of(
        new BuildDecl(name, description, runs, provisioners, cleanup, chains, b.range()));
  }

  /**
   * {@code sbom = true}: a chain of one {@code sbom} post-processor with its defaults, first, so
   * the SBOMs are written beside the images of every build of the block (placed at the attribute
   * for diagnostics).
   */
  private static PluginBlock implicitSbom(Attribute at) {
    Range r = at.expr().range();
    Block b =
        new Block(
            "post-processor",
            List.of(new Block.Label("sbom", r)),
            new Body(List.of(), r, r),
            r,
            r,
            r,
            r);
    return PluginBlock.of("sbom", b);
  }

  private Optional<String> literal(BodySchema.Content c, String attr) {
    return Optional.ofNullable(c.attributes().get(attr))
        .flatMap(a -> Literals.string(a.expr(), diags));
  }

  private void reference(String text, Range at, List<BuildDecl.BuildSource> runs) {
    resolve(text, at)
        .ifPresent(
            ref -> add(runs, new BuildDecl.BuildSource(ref, ref.name(), Optional.empty(), at)));
  }

  private Optional<SourceRef> resolve(String text, Range at) {
    Optional<SourceRef> ref = SourceRef.parse(text);
    if (ref.isEmpty()) {
      diags.add(
          Diagnostic.error(
              "Invalid source reference",
              "A source reference looks like \"source.TYPE.NAME\", for example"
                  + " \"source.null.example\"; \""
                  + text
                  + "\" is not one.",
              at));
      return Optional.empty();
    }
    if (!sources.containsKey(ref.get())) {
      if (!sourcesComplete) {
        return Optional.empty();
      }
      List<String> known = sources.keySet().stream().map(SourceRef::toString).toList();
      diags.add(
          Diagnostic.error(
              "Unknown source",
              "There is no source \""
                  + ref.get()
                  + "\" in this template."
                  + BodySchema.suggestion(ref.get().toString(), known)
                  + (known.isEmpty()
                      ? " Declare it with a source \"TYPE\" \"NAME\" block."
                      : " Known sources: " + String.join(", ", known) + "."),
              at));
      return Optional.empty();
    }
    return ref;
  }

  private void buildSource(Block b, List<BuildDecl.BuildSource> runs) {
    Block.Label label = b.labels().get(0);
    Optional<SourceRef> ref = resolve(label.value(), label.range());
    if (ref.isEmpty()) {
      return;
    }
    String runName = ref.get().name();
    Optional<Attribute> nameAttr = b.body().attribute("name");
    if (nameAttr.isPresent()) {
      Optional<String> n = Literals.string(nameAttr.get().expr(), diags);
      if (n.isEmpty()) {
        return;
      }
      if (!SourceRef.isName(n.get())) {
        diags.add(
            Diagnostic.error(
                "Invalid source name",
                "A source name must start with a letter and may contain only letters, digits,"
                    + " underscores and dashes.",
                nameAttr.get().expr().range()));
        return;
      }
      runName = n.get();
    }
    add(runs, new BuildDecl.BuildSource(ref.get(), runName, Optional.of(b), label.range()));
  }

  private void add(List<BuildDecl.BuildSource> runs, BuildDecl.BuildSource s) {
    for (BuildDecl.BuildSource other : runs) {
      if (other.runAs().equals(s.runAs())) {
        diags.add(
            Diagnostic.error(
                "Duplicate source in build",
                "\""
                    + s.runAs()
                    + "\" is already in this build (at "
                    + DeclarationDecoder.where(other.range())
                    + "); each source runs once per build. To run it again, add a block such as"
                    + " source \""
                    + s.ref().address()
                    + "\" { name = \"other-name\" }.",
                s.range()));
        return;
      }
    }
    runs.add(s);
  }

  private void checkNames(String buildName, List<BuildDecl.BuildSource> runs) {
    for (BuildDecl.BuildSource s : runs) {
      String full = (buildName.isEmpty() ? "" : buildName + ".") + s.runAs();
      Range previous = buildNames.putIfAbsent(full, s.range());
      if (previous != null) {
        diags.add(
            Diagnostic.error(
                "Duplicate build name",
                "Another build is already named \""
                    + full
                    + "\" (at "
                    + DeclarationDecoder.where(previous)
                    + "); builds would overwrite each other's output. Give one of the build blocks"
                    + " a name = \"...\", or run the source under another name with a source"
                    + " block.",
                s.range()));
      }
    }
  }

  private PluginBlock plugin(Block b) {
    return PluginBlock.of(b.labels().get(0).value(), b);
  }

  private List<PluginBlock> chain(Block b) {
    BodySchema.Content c = CHAIN.check(b.body(), diags);
    List<PluginBlock> out = new ArrayList<>();
    for (Block nested : c.blocks()) {
      if (nested.type().equals("dynamic")) {
        for (DynamicBlocks.Expanded e : expand(nested, "post-processor")) {
          out.add(new PluginBlock(e.labels().get(0), e.block(), e.bindings()));
        }
      } else {
        out.add(plugin(nested));
      }
    }
    return out;
  }

  private void dynamic(Block b, List<PluginBlock> provisioners, List<List<PluginBlock>> chains) {
    String type = b.labels().get(0).value();
    if (!type.equals("provisioner") && !type.equals("post-processor")) {
      diags.add(
          Diagnostic.error(
              "Unsupported dynamic block type",
              "In a build, dynamic blocks can make provisioner and post-processor blocks, not \""
                  + type
                  + "\".",
              b.labels().get(0).range()));
      return;
    }
    for (DynamicBlocks.Expanded e : expand(b, type)) {
      PluginBlock p = new PluginBlock(e.labels().get(0), e.block(), e.bindings());
      if (type.equals("provisioner")) {
        provisioners.add(p);
      } else {
        chains.add(List.of(p));
      }
    }
  }

  private List<DynamicBlocks.Expanded> expand(Block b, String type) {
    List<DynamicBlocks.Expanded> out = new ArrayList<>();
    for (DynamicBlocks.Expanded e : DynamicBlocks.expand(b, Map.of(), eval, diags)) {
      if (e.labels().size() != 1) {
        diags.add(
            Diagnostic.error(
                "Invalid dynamic block labels",
                "A dynamic " + type + " block needs one label, its type: labels = [\"TYPE\"].",
                b.labels().get(0).range()));
        return List.of();
      }
      out.add(e);
    }
    return out;
  }
}
