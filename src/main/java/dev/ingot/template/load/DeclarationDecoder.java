package dev.ingot.template.load;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Range;
import dev.ingot.template.hcl.Attribute;
import dev.ingot.template.hcl.Block;
import dev.ingot.template.hcl.Expr;
import dev.ingot.template.model.LocalDecl;
import dev.ingot.template.model.PackerBlock;
import dev.ingot.template.model.SourceDecl;
import dev.ingot.template.model.SourceRef;
import dev.ingot.template.model.VariableDecl;
import dev.ingot.template.model.VersionConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the top level of every file into {@link Declarations}: which blocks may appear and with
 * which labels, duplicate variables, locals and sources, the {@code packer} block. Variable blocks
 * are read by {@link VariableDecoder}. Collects every problem; not thread-safe (one per load).
 */
final class DeclarationDecoder {
  static final BodySchema TOP =
      BodySchema.builder()
          .block("packer")
          .block("variable", "name")
          .block("variables")
          .block("locals")
          .block("local", "name")
          .block("source", "type", "name")
          .block("build")
          .build();

  private static final BodySchema PACKER =
      BodySchema.builder().attr("required_version").block("required_plugins").build();
  private static final BodySchema LOCAL =
      BodySchema.builder().required("expression").attr("sensitive").build();

  private final List<Diagnostic> diags;
  private final VersionConstraint.Version compat;
  private final List<PackerBlock> packer = new ArrayList<>();
  private final Map<String, VariableDecl> variables = new LinkedHashMap<>();
  private final Map<String, LocalDecl> locals = new LinkedHashMap<>();
  private final Map<SourceRef, SourceDecl> sources = new LinkedHashMap<>();
  private final List<Block> builds = new ArrayList<>();
  private boolean sourcesComplete = true;
  private final java.util.Set<String> broken = new java.util.HashSet<>();

  DeclarationDecoder(VersionConstraint.Version compat, List<Diagnostic> diags) {
    this.compat = compat;
    this.diags = diags;
  }

  Declarations decode(List<ParsedFile> files) {
    for (ParsedFile f : files) {
      BodySchema.Content c = TOP.check(f.body(), diags);
      for (Block b : f.body().blocks("source")) {
        sourcesComplete &= b.labels().size() == 2;
      }
      for (Block b : c.blocks()) {
        switch (b.type()) {
          case "packer" -> packer(b);
          case "variable" -> {
            int before = diags.size();
            VariableDecoder.block(b, diags).ifPresent(this::addVariable);
            if (diags.subList(before, diags.size()).stream().anyMatch(Diagnostic::isError)) {
              broken.add(b.labels().get(0).value());
            }
          }
          case "variables" -> VariableDecoder.variablesBlock(b, diags).forEach(this::addVariable);
          case "locals" -> localsBlock(b);
          case "local" -> localBlock(b);
          case "source" -> source(b);
          case "build" -> builds.add(b);
          default -> throw new IllegalStateException(b.type());
        }
      }
    }
    return new Declarations(
        packer, variables, List.copyOf(locals.values()), sources, builds, sourcesComplete, broken);
  }

  private void packer(Block b) {
    BodySchema.Content c = PACKER.check(b.body(), diags);
    for (Block plugins : c.blocks("required_plugins")) {
      diags.add(
          Diagnostic.warning(
              "Plugins are built in",
              "Ingot has its sources, provisioners and post-processors built in, so"
                  + " required_plugins is not needed; it is ignored.",
              plugins.typeRange()));
    }
    Attribute rv = c.attributes().get("required_version");
    Optional<VersionConstraint> constraint = Optional.empty();
    if (rv != null) {
      constraint = Literals.string(rv.expr(), diags).flatMap(s -> versionConstraint(s, rv));
    }
    packer.add(new PackerBlock(constraint, rv != null ? rv.expr().range() : b.typeRange()));
  }

  private Optional<VersionConstraint> versionConstraint(String text, Attribute rv) {
    VersionConstraint vc;
    try {
      vc = VersionConstraint.parse(text);
    } catch (IllegalArgumentException e) {
      diags.add(
          Diagnostic.error(
              "Invalid version constraint",
              "This string does not use correct version constraint syntax ("
                  + e.getMessage()
                  + "). Write terms such as \">= 1.7.0, < 2.0.0\"; the operators are = != > <"
                  + " >= <= and ~>.",
              rv.expr().range()));
      return Optional.empty();
    }
    if (!vc.allows(compat)) {
      String version = String.join(".", compat.segments().stream().map(String::valueOf).toList());
      diags.add(
          Diagnostic.error(
              "Unsupported Packer Core version",
              "This template requires Packer \""
                  + text
                  + "\", but Ingot reads templates as Packer "
                  + version
                  + " does (see ingot version). Update the version constraint if the template"
                  + " works with that version.",
              rv.expr().range()));
    }
    return Optional.of(vc);
  }

  private void addVariable(VariableDecl v) {
    VariableDecl previous = variables.putIfAbsent(v.name(), v);
    if (previous != null) {
      diags.add(
          Diagnostic.error(
              "Duplicate variable",
              "A variable named \""
                  + v.name()
                  + "\" was already declared at "
                  + where(previous.nameRange())
                  + ". Variable names must be unique across all files of a template.",
              v.nameRange()));
    }
  }

  private void localsBlock(Block b) {
    if (!b.body().blocks().isEmpty()) {
      Block nested = b.body().blocks().get(0);
      diags.add(
          Diagnostic.error(
              "Unsupported block type",
              "Blocks of type \"" + nested.type() + "\" are not expected here.",
              nested.typeRange()));
    }
    for (Attribute a : b.body().attributes()) {
      addLocal(new LocalDecl(a.name(), a.expr(), false, a.nameRange()));
    }
  }

  private void localBlock(Block b) {
    BodySchema.Content c = LOCAL.check(b.body(), diags);
    String name = b.labels().get(0).value();
    Range nameRange = b.labels().get(0).range();
    if (!VariableDecoder.isIdentifier(name)) {
      diags.add(Diagnostic.error("Invalid local name", VariableDecoder.BAD_IDENTIFIER, nameRange));
      return;
    }
    Attribute expr = c.attributes().get("expression");
    if (expr == null) {
      return;
    }
    boolean sensitive =
        Optional.ofNullable(c.attributes().get("sensitive"))
            .flatMap(a -> Literals.bool(a.expr(), diags))
            .orElse(false);
    addLocal(new LocalDecl(name, expr.expr(), sensitive, nameRange));
  }

  private void addLocal(LocalDecl l) {
    LocalDecl previous = locals.putIfAbsent(l.name(), l);
    if (previous != null) {
      diags.add(
          Diagnostic.error(
              "Duplicate local",
              "A local named \""
                  + l.name()
                  + "\" was already defined at "
                  + where(previous.nameRange())
                  + ". Local names must be unique across all files of a template.",
              l.nameRange()));
    }
  }

  private void source(Block b) {
    String type = b.labels().get(0).value();
    String name = b.labels().get(1).value();
    for (Block.Label l : b.labels()) {
      if (!SourceRef.isName(l.value())) {
        diags.add(
            Diagnostic.error(
                "Invalid source label",
                "Source types and names must start with a letter and may contain only letters,"
                    + " digits, underscores and dashes.",
                l.range()));
        sourcesComplete = false;
        return;
      }
    }
    SourceRef ref = new SourceRef(type, name);
    SourceDecl previous = sources.putIfAbsent(ref, new SourceDecl(ref, b));
    if (previous != null) {
      diags.add(
          Diagnostic.error(
              "Duplicate source block",
              "This source block has the same type and name as the one declared at "
                  + where(previous.block().typeRange())
                  + ". Each source must have a unique name per type.",
              b.labels().get(1).range()));
    }
  }

  static String where(Range r) {
    return r.filename() + ":" + r.start().line() + "," + r.start().column();
  }

  /** Whether {@code e} calls a function named {@code name} anywhere inside. */
  static boolean calls(Expr e, String name) {
    boolean[] found = {false};
    ExprWalker.each(
        e,
        x -> {
          if (x instanceof Expr.Call c && c.name().equals(name)) {
            found[0] = true;
          }
        });
    return found[0];
  }
}
