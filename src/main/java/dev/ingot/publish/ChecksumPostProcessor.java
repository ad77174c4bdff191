package dev.ingot.publish;

import dev.ingot.artifact.Artifact;
import dev.ingot.artifact.FileSet;
import dev.ingot.plugin.Arg;
import dev.ingot.plugin.ArgType;
import dev.ingot.plugin.Checks;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.PostProcessorPlugin;
import dev.ingot.plugin.Schema;
import dev.ingot.plugin.StepContext;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Post-processor {@code checksum}: for each checksum type appends {@code <hex>\t<file name>} lines
 * (one per artifact file, as Packer writes them; {@code sha256sum -c} reads them in the file's
 * directory) to {@code output}, default {@code packer_{{.BuildName}}_{{.BuilderType}}_
 * {{.ChecksumType}}.checksum}. The result lists the input files and the checksum files.
 */
public final class ChecksumPostProcessor implements PostProcessorPlugin {
  private static final Map<String, String> ALGORITHMS =
      Map.of(
          "md5", "MD5", "sha1", "SHA-1", "sha224", "SHA-224", "sha256", "SHA-256", "sha384",
          "SHA-384", "sha512", "SHA-512");

  private static final String DEFAULT_OUTPUT =
      "packer_{{.BuildName}}_{{.BuilderType}}_{{.ChecksumType}}.checksum";

  private static final Schema SCHEMA =
      Schema.of(
          Arg.optional(
              "checksum_types",
              ArgType.STRING_LIST,
              List.of("md5"),
              "md5, sha1, sha224, sha256, sha384, sha512."),
          Arg.optional(
              "output",
              ArgType.STRING,
              DEFAULT_OUTPUT,
              "The checksum file; {{.BuildName}}, {{.BuilderType}}, {{.ChecksumType}} are replaced."));

  @Override
  public String type() {
    return "checksum";
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public String description() {
    return "Writes checksum files of the artifact's files.";
  }

  @Override
  public Set<Class<? extends Artifact>> accepts() {
    return FileArtifacts.WITH_FILES;
  }

  @Override
  public Class<? extends Artifact> produces(Class<? extends Artifact> input, Config config) {
    return FileSet.class;
  }

  @Override
  public boolean keepsInputArtifact() {
    return true;
  }

  @Override
  public Artifact process(Config config, Artifact input, StepContext ctx) throws Exception {
    Checks.orThrow(check(config));
    List<String> types =
        config.has("checksum_types") ? config.strings("checksum_types") : List.of("md5");
    List<Path> files = FileArtifacts.files(input, ctx, "checksum");
    Set<Path> written = new LinkedHashSet<>();
    for (String t : types) {
      Map<String, String> names = new HashMap<>(FileArtifacts.names(ctx));
      names.put("ChecksumType", t);
      Path out =
          ctx.cwd()
              .resolve(
                  OutputFiles.fill(
                      config, "output", config.string("output", DEFAULT_OUTPUT), names))
              .normalize();
      StringBuilder lines = new StringBuilder();
      for (Path f : files) {
        ctx.cancellation().check();
        lines.append(hash(ALGORITHMS.get(t), f)).append('\t').append(f.getFileName()).append('\n');
      }
      OutputFiles.update(out, current -> current + lines);
      ctx.log().info("Wrote " + t + " checksums to " + out);
      written.add(out);
    }
    List<Path> all = new ArrayList<>(input.files());
    all.addAll(written);
    return new FileSet(all, input);
  }

  @Override
  public dev.ingot.diag.Diagnostics check(Config config) {
    List<dev.ingot.diag.Diagnostic> out = new ArrayList<>();
    for (String t : config.strings("checksum_types")) {
      if (!ALGORITHMS.containsKey(t)) {
        out.add(
            Checks.error(
                config,
                "checksum_types",
                "Unknown checksum type \"" + t + "\"",
                "Use one of md5, sha1, sha224, sha256, sha384, sha512."));
      }
    }
    return Checks.of(out);
  }

  static String hash(String algorithm, Path f) throws Exception {
    MessageDigest md = MessageDigest.getInstance(algorithm);
    try (InputStream in = Files.newInputStream(f)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
