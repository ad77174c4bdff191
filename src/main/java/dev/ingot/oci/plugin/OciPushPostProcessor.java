package dev.ingot.oci.plugin;

import dev.ingot.artifact.Artifact;
import dev.ingot.artifact.ContainerImage;
import dev.ingot.artifact.PushedImage;
import dev.ingot.diag.Diagnostics;
import dev.ingot.oci.layout.OciLayoutReader;
import dev.ingot.oci.model.Image;
import dev.ingot.oci.model.ImageRef;
import dev.ingot.oci.registry.ImagePusher;
import dev.ingot.oci.registry.RegistryClient;
import dev.ingot.plugin.Arg;
import dev.ingot.plugin.ArgType;
import dev.ingot.plugin.Checks;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.PostProcessorPlugin;
import dev.ingot.plugin.Schema;
import dev.ingot.plugin.StepContext;
import java.util.List;
import java.util.Set;

/**
 * Post-processor {@code oci-push}: pushes the image of a {@code container} step to {@code
 * repository} ("host[:port]/path") under each of {@code tags}. The artifact id is {@code
 * repository@sha256:…}. Stateless.
 */
public final class OciPushPostProcessor implements PostProcessorPlugin {
  private static final Schema SCHEMA =
      new Schema(
              List.of(
                  Arg.required(
                      "repository",
                      ArgType.STRING,
                      "Target, e.g. \"registry.example:5000/base/debian\"."),
                  Arg.optional("tags", ArgType.STRING_LIST, List.of("latest"), "Tags to push."),
                  Arg.optional(
                      "mount_from",
                      ArgType.STRING_LIST,
                      null,
                      "Repositories of the same registry to mount existing layers from.")))
          .plus(RegistryArgs.ARGS);

  @Override
  public String type() {
    return "oci-push";
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public String description() {
    return "Pushes an OCI image to a registry (distribution spec), by tag and digest.";
  }

  @Override
  public Set<Class<? extends Artifact>> accepts() {
    return Set.of(ContainerImage.class);
  }

  @Override
  public Class<? extends Artifact> produces(Class<? extends Artifact> input, Config config) {
    return PushedImage.class;
  }

  @Override
  public boolean publishes() {
    return true;
  }

  @Override
  public Diagnostics check(Config config) {
    return Checks.each(
        config,
        List.of(() -> repository(config), () -> tags(config), () -> caFile(config)),
        () -> {});
  }

  /**
   * An absolute ca_file that is not there is known before the build (it failed after building the
   * image, whose output the cleanup then removed); a relative one is found from the template's
   * directory when the step runs.
   */
  private static void caFile(Config config) {
    config
        .string("ca_file")
        .map(java.nio.file.Path::of)
        .filter(java.nio.file.Path::isAbsolute)
        .ifPresent(p -> RegistryArgs.requireCaFile(config, p));
  }

  private static List<String> tags(Config config) {
    List<String> tags = config.strings("tags");
    if (new java.util.HashSet<>(tags).size() < tags.size()) {
      throw config.error(
          "tags",
          "A tag listed twice",
          "Each tag is pushed once: " + String.join(", ", tags) + ".");
    }
    for (String t : tags) {
      if (!t.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")) {
        throw config.error(
            "tags",
            "Invalid tag",
            "\"" + t + "\" is not a tag: use letters, digits, '_', '.' and '-' (at most 128).");
      }
    }
    return tags;
  }

  @Override
  public Artifact process(Config config, Artifact input, StepContext ctx) throws Exception {
    ContainerImage ci = (ContainerImage) input;
    ImageRef ref = repository(config);
    List<String> tags = tags(config);
    Image img = OciLayoutReader.open(ci.layout(), null, null);
    if (!img.digest().toString().equals(ci.manifestDigest())) {
      throw new IllegalStateException(
          "layout "
              + ci.layout()
              + " holds "
              + img.digest()
              + ", not the image "
              + ci.manifestDigest()
              + " the container step made");
    }
    try (RegistryClient c =
        new RegistryClient(
            ref.registry(),
            RegistryArgs.settings(config, ctx),
            RegistryArgs.credentials(ctx),
            ctx.cancellation())) {
      new ImagePusher(c, ctx.log()).push(img, ref.repository(), tags, config.strings("mount_from"));
    }
    return new PushedImage(ref.name(), img.digest().toString(), tags, ci);
  }

  static ImageRef repository(Config config) {
    String repo = config.string("repository", "");
    try {
      ImageRef ref = ImageRef.parse(repo);
      if (ref.digest() != null || repo.substring(repo.indexOf('/')).contains(":")) {
        throw new IllegalArgumentException("put tags in 'tags', not in the repository");
      }
      return ref;
    } catch (IllegalArgumentException e) {
      throw config.error(
          "repository",
          "Invalid repository",
          e.getMessage() + ". Write host[:port]/path, e.g. \"registry.example:5000/base/debian\".");
    }
  }
}
