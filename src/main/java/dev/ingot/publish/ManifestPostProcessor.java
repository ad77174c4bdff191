package dev.ingot.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ingot.artifact.Artifact;
import dev.ingot.plugin.Arg;
import dev.ingot.plugin.ArgType;
import dev.ingot.plugin.BuildLog;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.PassThroughPostProcessor;
import dev.ingot.plugin.Schema;
import dev.ingot.plugin.StepContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Post-processor {@code manifest}: appends this build's artifact to packer-manifest.json in
 * Packer's format ({@code {"builds":[{name, builder_type, build_time, files:[{name,size}],
 * artifact_id, packer_run_uuid, custom_data}], "last_run_uuid"}}), creating the file when absent.
 * Entries of earlier runs are kept, as Packer 1.6 keeps them (also with -force). Every key and
 * string passes through the log's masker. Passes its input on.
 */
public final class ManifestPostProcessor implements PassThroughPostProcessor {
  private static final Schema SCHEMA =
      Schema.of(
          Arg.optional("output", ArgType.STRING, "packer-manifest.json", "The manifest file."),
          Arg.optional("strip_path", ArgType.BOOL, false, "Write file names without directories."),
          Arg.optional("strip_time", ArgType.BOOL, false, "Leave out build_time."),
          Arg.optional("custom_data", ArgType.STRING_MAP, null, "Extra data for the entry."));

  @Override
  public String type() {
    return "manifest";
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public String description() {
    return "Records the build's artifacts in packer-manifest.json.";
  }

  /** An output that names a directory ("", "dir/") can never be the manifest file. */
  @Override
  public dev.ingot.diag.Diagnostics check(Config config) {
    String out = config.string("output", "packer-manifest.json");
    if (out.isBlank() || out.endsWith("/")) {
      return dev.ingot.diag.Diagnostics.of(
          dev.ingot.plugin.Checks.error(
              config,
              "output",
              "Bad output",
              "Give the manifest's file name, such as \"packer-manifest.json\" or"
                  + " \"out/manifest.json\"."));
    }
    return dev.ingot.diag.Diagnostics.NONE;
  }

  @Override
  public Artifact process(Config config, Artifact input, StepContext ctx) throws Exception {
    Path out = ctx.cwd().resolve(config.string("output", "packer-manifest.json"));
    Map<String, Object> entry = entry(config, input, ctx, System.currentTimeMillis() / 1000);
    String runUuid = ctx.env().getOrDefault("PACKER_RUN_UUID", "");
    OutputFiles.update(
        out, current -> GoJson.write(masked(document(current, entry, runUuid, out), ctx.log())));
    ctx.log().info("Manifest written: " + out);
    return input;
  }

  /** This build's entry, fields in Packer's order. */
  static Map<String, Object> entry(Config c, Artifact a, StepContext ctx, long buildTime)
      throws java.io.IOException {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("name", ctx.sourceName());
    e.put("builder_type", ctx.sourceType());
    if (!c.bool("strip_time", false)) {
      e.put("build_time", buildTime);
    }
    List<Object> files = new ArrayList<>();
    for (Path f : a.files()) {
      Map<String, Object> file = new LinkedHashMap<>();
      Path abs = ctx.cwd().resolve(f);
      file.put("name", c.bool("strip_path", false) ? f.getFileName().toString() : f.toString());
      file.put("size", Files.exists(abs) ? Files.size(abs) : 0L);
      files.add(file);
    }
    e.put("files", files.isEmpty() ? null : files);
    e.put("artifact_id", a.id());
    e.put("packer_run_uuid", ctx.env().getOrDefault("PACKER_RUN_UUID", ""));
    Map<String, String> custom = c.stringMap("custom_data");
    e.put("custom_data", custom.isEmpty() && !c.has("custom_data") ? null : custom);
    return e;
  }

  /**
   * {@code v} with every sensitive value replaced, in keys and strings. Masked before JSON is
   * written, not after: a secret holding {@code "}, {@code <} or {@code &} is escaped in the text
   * and would slip past a mask applied to it.
   */
  static Object masked(Object v, BuildLog log) {
    return switch (v) {
      case String s -> log.redact(s);
      case Map<?, ?> m -> {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, x) -> out.put(log.redact(String.valueOf(k)), masked(x, log)));
        yield out;
      }
      case List<?> l -> l.stream().map(x -> masked(x, log)).toList();
      case null, default -> v;
    };
  }

  /** The manifest text: earlier builds of {@code current}, then {@code entry}. */
  static String append(String current, Map<String, Object> entry, String runUuid, Path file)
      throws java.io.IOException {
    return GoJson.write(document(current, entry, runUuid, file));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> document(
      String current, Map<String, Object> entry, String runUuid, Path file)
      throws java.io.IOException {
    List<Object> builds = new ArrayList<>();
    if (!current.isBlank()) {
      Map<String, Object> old;
      try {
        old = new ObjectMapper().readValue(current, LinkedHashMap.class);
      } catch (com.fasterxml.jackson.core.JacksonException ex) {
        throw new java.io.IOException(
            file
                + " is not a manifest ("
                + dev.ingot.diag.JsonReason.of(ex.getOriginalMessage())
                + "); move it away or set output",
            ex);
      }
      Object b = old.get("builds");
      if (b instanceof List<?> l) {
        builds.addAll((List<Object>) l);
      }
    }
    builds.add(entry);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("builds", builds);
    doc.put("last_run_uuid", runUuid);
    return doc;
  }
}
