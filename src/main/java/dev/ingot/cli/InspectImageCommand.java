package dev.ingot.cli;

import dev.ingot.diag.Printable;
import dev.ingot.fs.DirBlobStore;
import dev.ingot.oci.image.ImageOpener;
import dev.ingot.oci.model.ContainerConfig;
import dev.ingot.oci.model.Descriptor;
import dev.ingot.oci.model.Image;
import dev.ingot.oci.model.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ingot inspect-image REF}: manifest, config and layers of an image, without its layers. */
@Command(
    name = "inspect-image",
    description = {
      "Show an image's manifest, config and layers with sizes.",
      "REF is host[:port]/repository[:tag][@digest], or oci-layout:PATH[:NAME],"
          + " oci-archive:PATH[:NAME], docker-archive:PATH[:REPO:TAG]."
    })
public final class InspectImageCommand implements Callable<Integer> {
  private final CliEnv env;

  @Parameters(index = "0", paramLabel = "REF")
  String ref;

  @Option(names = "--json", description = "Print JSON: digest, manifest and config.")
  boolean json;

  @Mixin RegistryOptions registry = new RegistryOptions();

  public InspectImageCommand(CliEnv env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try {
      DirBlobStore store = new DirBlobStore(env.cacheDir(null).resolve("oci").resolve("blobs"));
      Image img =
          ImageOpener.open(ref, store, registry.opener(env, RegistryOptions.quiet(env), false))
              .image();
      if (json) {
        printJson(img);
      } else {
        print(img, env.out());
      }
      env.out().flush();
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      // IllegalArgumentException: an unsafe member name or an unknown digest algorithm in an
      // archive, input that cannot be read like any other (exit 2, as scan says it).
      env.err().println("Error: " + dev.ingot.plugin.IoMessages.describe(e));
      return 2;
    }
  }

  private void printJson(Image img) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("reference", ref);
    m.put("digest", img.digest().toString());
    m.put("manifest", Json.parse(text(img, img.digest())));
    m.put("config", Json.parse(text(img, img.manifest().config().digest())));
    env.out().println(Printable.inJson(Json.write(m)));
  }

  private static String text(Image img, dev.ingot.fs.Digest d) throws IOException {
    try (var in = img.blobs().open(d)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static void print(Image img, PrintWriter out) {
    ContainerConfig c = img.config().config();
    out.println("Digest:     " + img.digest());
    out.println("Media type: " + Printable.of(img.manifest().mediaType()));
    out.println("Platform:   " + Printable.of(img.config().platform()));
    Object created = img.config().created();
    out.println("Created:    " + (created == null ? "-" : Printable.of(created)));
    List<String> cfg = new ArrayList<>();
    if (c.user() != null) {
      cfg.add("User=" + c.user());
    }
    if (c.entrypoint() != null) {
      cfg.add("Entrypoint=" + c.entrypoint());
    }
    if (c.cmd() != null) {
      cfg.add("Cmd=" + c.cmd());
    }
    if (c.workingDir() != null) {
      cfg.add("WorkingDir=" + c.workingDir());
    }
    c.env().forEach(e -> cfg.add("Env " + e));
    c.exposedPorts().forEach(p -> cfg.add("Port " + p));
    c.volumes().forEach(v -> cfg.add("Volume " + v));
    c.labels().forEach((k, v) -> cfg.add("Label " + k + "=" + v));
    if (c.stopSignal() != null) {
      cfg.add("StopSignal=" + c.stopSignal());
    }
    out.println("Config:");
    // Each entry is escaped whole: every part of it comes from the image config.
    cfg.forEach(x -> out.println("  " + Printable.of(x)));
    img.manifest()
        .annotations()
        .forEach((k, v) -> out.println("Annotation: " + Printable.of(k + "=" + v)));
    out.println("Layers:");
    int i = 1;
    for (Descriptor l : img.manifest().layers()) {
      out.printf(
          "  %2d  %s  %10s  %s%n", i++, l.digest(), size(l.size()), Printable.of(l.mediaType()));
    }
    out.println("Total size: " + size(img.size()));
  }

  static String size(long b) {
    if (b < 1024) {
      return b + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = b;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
