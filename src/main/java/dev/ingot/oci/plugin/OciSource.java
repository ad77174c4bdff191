package dev.ingot.oci.plugin;

import dev.ingot.artifact.Artifact;
import dev.ingot.artifact.BaseImage;
import dev.ingot.artifact.RootFs;
import dev.ingot.diag.Diagnostics;
import dev.ingot.fs.BlobStore;
import dev.ingot.fs.DirBlobStore;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.tar.TarReadOptions;
import dev.ingot.oci.image.ImageFlattener;
import dev.ingot.oci.image.ImageOpener;
import dev.ingot.oci.image.ImageReader;
import dev.ingot.oci.model.ContainerConfig;
import dev.ingot.oci.model.Image;
import dev.ingot.oci.model.Platform;
import dev.ingot.pkg.deb.install.InstalledPackages;
import dev.ingot.plugin.Arg;
import dev.ingot.plugin.ArgType;
import dev.ingot.plugin.Checks;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.ProvisionSession;
import dev.ingot.plugin.Schema;
import dev.ingot.plugin.SourcePlugin;
import dev.ingot.plugin.StepContext;
import dev.ingot.provision.chroot.ChrootSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Source {@code oci}: starts from a base image ({@code base}: a registry reference, {@code
 * oci-layout:PATH[:NAME]} or {@code oci-archive:PATH[:NAME]}), flattened into a {@link RootFs} that
 * remembers the base. Provisioners run in a chroot on it; a following {@code container} step keeps
 * the base layers and adds one layer with the difference (whiteouts for deletions). {@code changes}
 * are Dockerfile-style config lines applied over the base's config. Stateless.
 */
public final class OciSource implements SourcePlugin {
  private static final Schema SCHEMA =
      new Schema(
              List.of(
                  Arg.required(
                      "base",
                      ArgType.STRING,
                      "Base image: host/repo:tag, oci-layout:PATH[:NAME] or oci-archive:PATH[:NAME]."),
                  Arg.optional(
                      "platform", ArgType.STRING, "linux/amd64", "Platform to pick from an index."),
                  Arg.optional(
                      "changes",
                      ArgType.STRING_LIST,
                      null,
                      "Config changes: ENTRYPOINT, CMD, ENV, EXPOSE, USER, WORKDIR, LABEL, VOLUME."),
                  Arg.optional(
                      "provision_network",
                      ArgType.BOOL,
                      false,
                      "Give provisioners the host's network in the chroot.")))
          .plus(RegistryArgs.ARGS);

  @Override
  public String type() {
    return "oci";
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public String description() {
    return "Starts from a base OCI image; provisioners add one layer on top of it.";
  }

  @Override
  public Class<? extends Artifact> produces(Config config) {
    return RootFs.class;
  }

  @Override
  public boolean hasCommunicator() {
    return true;
  }

  @Override
  public Diagnostics check(Config config) {
    return Checks.parsing(config, () -> platform(config));
  }

  /** Checks the changes and the base's kind; the platform to take from the base. */
  private static Platform platform(Config config) {
    List<String> changes = config.strings("changes");
    try {
      Changes.apply(changes, ContainerConfig.EMPTY);
    } catch (IllegalArgumentException e) {
      throw config.error("changes", "Invalid change", e.getMessage() + ".");
    }
    Platform platform;
    try {
      platform = Platform.parse(config.string("platform", "linux/amd64"));
    } catch (IllegalArgumentException e) {
      throw config.error("platform", "Invalid platform", e.getMessage() + ", e.g. linux/arm64.");
    }
    String base = config.string("base", "");
    if (base.startsWith("docker-archive:")) {
      throw config.error(
          "base",
          "Unsupported base",
          "A docker-archive has no manifest digest to"
              + " record as the base; load it into a registry or convert it to an OCI layout first.");
    }
    return platform;
  }

  @Override
  public Artifact build(Config config, StepContext ctx) throws Exception {
    Platform platform = platform(config);
    List<String> changes = config.strings("changes");
    String base = config.string("base", "");
    Path images = ctx.cacheDir().resolve("oci").resolve("blobs");
    DirBlobStore store = new DirBlobStore(images);
    ImageOpener.Options o =
        new ImageOpener.Options(
            platform,
            RegistryArgs.settings(config, ctx),
            RegistryArgs.credentials(ctx),
            ctx.cancellation(),
            ctx.log(),
            ctx.templateDir(),
            true);
    ImageOpener.Opened opened = ImageOpener.open(base, store, o);
    Image img = opened.image();
    copyInto(img, store);
    ctx.log()
        .info(
            "base "
                + opened.reference()
                + "@"
                + img.digest()
                + " ("
                + img.manifest().layers().size()
                + " layers)");
    BlobStore contents = new DirBlobStore(ctx.cacheDir().resolve("oci").resolve("contents"));
    FileTree tree = new ImageFlattener(contents, TarReadOptions.DEFAULTS).flatten(img);
    return new RootFs(
        tree,
        contents,
        InstalledPackages.read(tree, contents, List.of()),
        "image",
        ImageReader.debianArch(img.config().platform()),
        ImageReader.osRelease(tree, contents),
        new BaseImage(opened.reference(), img.digest().toString(), images, tree, changes));
  }

  private static void copyInto(Image img, BlobStore store) throws Exception {
    for (var d : img.blobDigests()) {
      if (!store.has(d)) {
        try (var in = img.blobs().open(d)) {
          store.put(in, d);
        }
      }
    }
  }

  @Override
  public Optional<ProvisionSession> provisioning(Config config, Artifact artifact, StepContext ctx)
      throws Exception {
    RootFs fs = (RootFs) artifact;
    ChrootSession chroot =
        ChrootSession.forStep(
            fs,
            ctx.cacheDir().resolve("oci").resolve("work"),
            ctx,
            config.bool("provision_network", false),
            (tree, before) -> InstalledPackages.read(tree, fs.blobs(), before));
    return Optional.of(new KeepBase(chroot, fs.base()));
  }

  /** The chroot session, with the base image put back on the root filesystem it returns. */
  private record KeepBase(ProvisionSession inner, BaseImage base) implements ProvisionSession {
    @Override
    public dev.ingot.plugin.Communicator communicator() {
      return inner.communicator();
    }

    @Override
    public Artifact finish() throws Exception {
      RootFs r = (RootFs) inner.finish();
      return new RootFs(
          r.tree(), r.blobs(), r.packages(), r.variant(), r.architecture(), r.osRelease(), base);
    }

    @Override
    public void close() throws Exception {
      inner.close();
    }
  }
}
