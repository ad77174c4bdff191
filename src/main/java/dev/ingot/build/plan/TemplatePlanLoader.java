package dev.ingot.build.plan;

import dev.ingot.template.load.LoadRequest;
import dev.ingot.template.load.TemplateFiles;
import dev.ingot.template.load.TemplateLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The {@link PlanLoader} for HCL templates: a {@code *.pkr.hcl} file or a directory holding some.
 * File names in diagnostics are relative to the working directory when the template is below it.
 * Stateless; found by ServiceLoader.
 */
public final class TemplatePlanLoader implements PlanLoader {
  @Override
  public boolean accepts(Path template) {
    if (Files.isDirectory(template)) {
      try (Stream<Path> s = Files.list(template)) {
        return s.anyMatch(p -> p.toString().endsWith(TemplateFiles.TEMPLATE_SUFFIX));
      } catch (IOException e) {
        return false;
      }
    }
    return template.toString().endsWith(TemplateFiles.TEMPLATE_SUFFIX);
  }

  @Override
  public Loaded load(Request r) {
    LoadRequest req =
        new LoadRequest(
            shown(r.template(), r.cwd()),
            r.cwd(),
            r.vars(),
            r.varFiles().stream().map(p -> shown(p, r.cwd())).toList(),
            r.env(),
            TemplateLoader.PACKER_VERSION,
            null);
    TemplatePlans.Outcome o = TemplatePlans.load(req, r.plugins(), r.filter(), false);
    return new Loaded(o.plan(), o.diagnostics());
  }

  /** {@code p} relative to {@code cwd} when it is below it, as the user would write it. */
  static String shown(Path p, Path cwd) {
    Path abs = cwd.resolve(p).normalize();
    Path base = cwd.toAbsolutePath().normalize();
    if (abs.equals(base)) {
      return ".";
    }
    return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
  }
}
