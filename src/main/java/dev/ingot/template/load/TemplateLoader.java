package dev.ingot.template.load;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Diagnostics;
import dev.ingot.diag.Range;
import dev.ingot.diag.SourceSet;
import dev.ingot.template.eval.EvalContext;
import dev.ingot.template.eval.HclTemplateRenderer;
import dev.ingot.template.fn.FunctionContext;
import dev.ingot.template.fn.Functions;
import dev.ingot.template.hcl.BlockContext;
import dev.ingot.template.hcl.HclParser;
import dev.ingot.template.model.BuildDecl;
import dev.ingot.template.model.LocalDecl;
import dev.ingot.template.model.Template;
import dev.ingot.template.model.VariableDecl;
import dev.ingot.template.model.VersionConstraint;
import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Loads a template: finds and parses its files, reads the declarations, resolves variables (with
 * their precedence), evaluates locals and reads the builds. Every problem is collected; the
 * template is returned only when there is no error. Stateless and thread-safe.
 */
public final class TemplateLoader {
  /**
   * The Packer version whose template language Ingot follows: what {@code required_version} is
   * checked against and what {@code packer.version} gives.
   */
  public static final String PACKER_VERSION = "1.11.0";

  private final Functions functions;

  public TemplateLoader(Functions functions) {
    this.functions = functions;
  }

  /** A loader with the standard function library. */
  public static TemplateLoader standard() {
    return new TemplateLoader(Functions.standard());
  }

  public Loaded load(LoadRequest req) {
    List<Diagnostic> diags = new ArrayList<>();
    Set<String> secrets = new LinkedHashSet<>();
    SourceSet[] sources = {SourceSet.empty()};
    Optional<TemplateFiles.Found> found = TemplateFiles.find(req.template(), req.cwd(), diags);
    FunctionContext fc = functionContext(req, found);
    Functions noEnv = TemplateFunctions.withoutEnv(functions);
    FunctionContext fcNoEnv =
        fc.withEnvAllowed(false)
            .withRenderer(new HclTemplateRenderer(noEnv, fc.withEnvAllowed(false)));
    if (found.isEmpty()) {
      return done(Optional.empty(), diags, sources[0], noEnv, fcNoEnv, secrets);
    }
    List<ParsedFile> files = parse(found.get().templates(), diags, sources);
    if (diags.stream().anyMatch(Diagnostic::isError)) {
      return done(Optional.empty(), diags, sources[0], noEnv, fcNoEnv, secrets);
    }
    VersionConstraint.Version compat = VersionConstraint.Version.parse(req.packerVersion());
    Declarations d = new DeclarationDecoder(compat, diags).decode(files);

    // path.root is absolute: then "${path.root}/x" means the same to file functions (which
    // start from the template's directory) and to plugins (which start from the working one).
    Map<String, Value> path =
        Map.of(
            "root", Value.string(found.get().rootDir().toString()),
            "cwd", Value.string(req.cwd().toString()));
    Map<String, Value> base = new LinkedHashMap<>();
    base.put("path", Value.object(path));
    base.put("packer", Value.object(Map.of("version", Value.string(req.packerVersion()))));

    EvalContext defaults = new EvalContext(Map.of(), functions, fc, false, true);
    EvalContext plain = EvalContext.of(base, noEnv, fcNoEnv);
    VariableResolver vars =
        new VariableResolver(d.variables(), defaults, plain, d.brokenVariables(), diags);
    vars.readDefaults();
    readInputs(req, found.get(), d, vars, diags, sources);
    Map<String, Template.Variable> variables = vars.resolve();

    Map<String, Value> varValues = new LinkedHashMap<>();
    variables.forEach((k, v) -> varValues.put(k, v.value()));
    secrets.addAll(Secrets.of(varValues.values()));
    base.put("var", Value.object(varValues));
    for (LocalDecl l : d.locals()) {
      TemplateFunctions.checkNoEnv(l.expr(), diags);
      TemplateFunctions.checkNoBuildReferences(l.expr(), "a local", diags);
    }
    Map<String, Value> localsBase = new LinkedHashMap<>(base);
    // Reported above; unknown here so that evaluation adds no second message.
    localsBase.put("source", Value.unknown(Type.DYNAMIC));
    localsBase.put("build", Value.unknown(Type.DYNAMIC));
    Map<String, Template.Local> locals =
        new LocalsEvaluator(d.locals(), EvalContext.of(localsBase, noEnv, fcNoEnv), diags)
            .evaluate();
    Map<String, Value> localValues = new LinkedHashMap<>();
    locals.forEach((k, v) -> localValues.put(k, v.value()));
    secrets.addAll(Secrets.of(localValues.values()));
    base.put("local", Value.object(localValues));

    EvalContext scope = EvalContext.of(base, noEnv, fcNoEnv);
    ScopeEval eval = Scopes.of(scope);
    BuildDecoder builds = new BuildDecoder(d.sources(), d.sourcesComplete(), eval, diags);
    List<BuildDecl> decoded = new ArrayList<>();
    d.builds().forEach(b -> builds.decode(b).ifPresent(decoded::add));

    Template t =
        new Template(
            found.get().rootDir(),
            found.get().pathRoot(),
            d.packerBlocks(),
            variables,
            locals,
            d.sources(),
            decoded);
    boolean errors = diags.stream().anyMatch(Diagnostic::isError);
    return done(
        errors ? Optional.empty() : Optional.of(t), diags, sources[0], noEnv, fcNoEnv, secrets);
  }

  private static Loaded done(
      Optional<Template> t,
      List<Diagnostic> diags,
      SourceSet sources,
      Functions fns,
      FunctionContext fc,
      Set<String> secrets) {
    return new Loaded(t, new Diagnostics(Dedup.of(diags)), sources, fns, fc, secrets);
  }

  private FunctionContext functionContext(LoadRequest req, Optional<TemplateFiles.Found> found) {
    FunctionContext fc =
        new FunctionContext(
            found.map(TemplateFiles.Found::rootDir).orElse(req.cwd()),
            req.cwd(),
            req.env(),
            true,
            req.clock(),
            UUID::randomUUID,
            dev.ingot.template.fn.TemplateRenderer.NONE);
    return fc.withRenderer(new HclTemplateRenderer(functions, fc));
  }

  private static List<ParsedFile> parse(
      List<TemplateFiles.SourcePath> paths, List<Diagnostic> diags, SourceSet[] sources) {
    List<ParsedFile> out = new ArrayList<>();
    for (TemplateFiles.SourcePath p : paths) {
      byte[] bytes;
      try {
        bytes = dev.ingot.template.fn.TextFiles.read(p.path());
      } catch (IOException e) {
        String why = e.getClass() == IOException.class ? e.getMessage() : e.toString();
        diags.add(
            Diagnostic.error(
                "Failed to read file",
                "The template file \"" + p.name() + "\" could not be read: " + why + ".",
                null));
        continue;
      }
      HclParser.ParseResult r = HclParser.parse(bytes, p.name());
      diags.addAll(r.diagnostics().all());
      sources[0] = sources[0].with(p.name(), bytes, BlockContext.of(r.body()));
      out.add(new ParsedFile(p.name(), bytes, r.body()));
    }
    return out;
  }

  private static void readInputs(
      LoadRequest req,
      TemplateFiles.Found found,
      Declarations d,
      VariableResolver vars,
      List<Diagnostic> diags,
      SourceSet[] sources) {
    EnvVars.values(req.env())
        .forEach(
            (name, v) -> {
              if (d.variables().containsKey(name)) {
                sources[0] =
                    withText(sources[0], d.variables().get(name), VarSource.ENV, v.value());
                vars.readString(VarSource.ENV, name, v.value());
              }
            });
    for (TemplateFiles.SourcePath p : found.autoVarFiles()) {
      readFile(p.path(), p.name(), VarSource.AUTO_FILE, d, vars, diags, sources);
    }
    for (String f : req.varFiles()) {
      readFile(req.cwd().resolve(f), f, VarSource.VAR_FILE, d, vars, diags, sources);
    }
    for (String raw : req.vars()) {
      VarFlag flag;
      try {
        flag = VarFlag.parse(raw);
      } catch (IllegalArgumentException e) {
        diags.add(Diagnostic.error("Invalid -var option", e.getMessage(), null));
        continue;
      }
      if (!d.variables().containsKey(flag.name())) {
        diags.add(
            Diagnostic.error(
                "Undefined -var variable",
                "A \""
                    + flag.name()
                    + "\" variable was passed in the command line but was not found in known"
                    + " variables. To declare variable \""
                    + flag.name()
                    + "\", place this block in one of your .pkr files, such as"
                    + " variables.pkr.hcl",
                null));
        continue;
      }
      sources[0] =
          withText(sources[0], d.variables().get(flag.name()), VarSource.CLI, flag.value());
      vars.readString(VarSource.CLI, flag.name(), flag.value());
    }
  }

  /**
   * Makes the text of a -var or environment value printable under its made-up file name. A
   * sensitive value's text is not kept: its diagnostics say the source is not available, as
   * Packer's do, instead of printing the secret.
   */
  private static SourceSet withText(SourceSet s, VariableDecl decl, VarSource from, String text) {
    if (decl.sensitive()) {
      return s;
    }
    String name = VariableResolver.fakeFile(from, decl.name());
    return s.with(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), o -> "");
  }

  private static void readFile(
      java.nio.file.Path path,
      String name,
      VarSource source,
      Declarations d,
      VariableResolver vars,
      List<Diagnostic> diags,
      SourceSet[] sources) {
    VarFiles.Read read = VarFiles.read(path, name, diags);
    if (read.bytes().isPresent()) {
      sources[0] =
          sources[0].with(
              name,
              read.bytes().get(),
              read.body().<SourceSet.ContextResolver>map(BlockContext::of).orElse(o -> ""));
    }
    for (VarFiles.Entry e : read.entries()) {
      VariableDecl decl = d.variables().get(e.name());
      if (decl != null && decl.sensitive()) {
        Range r = e.value().range();
        sources[0] = sources[0].withHidden(name, r.start().byteOffset(), r.end().byteOffset());
      }
      vars.readFileEntry(source, e, name);
    }
  }
}
