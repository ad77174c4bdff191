package dev.ingot.oci.plugin;

import dev.ingot.artifact.Artifact;
import dev.ingot.artifact.BaseImage;
import dev.ingot.artifact.ContainerImage;
import dev.ingot.artifact.RootFs;
import dev.ingot.diag.Diagnostics;
import dev.ingot.fs.BlobStore;
import dev.ingot.fs.DirBlobStore;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.LayerDiff;
import dev.ingot.fs.compress.Compression;
import dev.ingot.oci.image.ImageAssembler;
import dev.ingot.oci.layer.Layer;
import dev.ingot.oci.layer.LayerBuilder;
import dev.ingot.oci.layer.PackageLayering;
import dev.ingot.oci.layout.DockerArchiveWriter;
import dev.ingot.oci.layout.OciArchiveWriter;
import dev.ingot.oci.layout.OciLayoutReader;
import dev.ingot.oci.layout.OciLayoutWriter;
import dev.ingot.oci.layout.Tagged;
import dev.ingot.oci.model.ContainerConfig;
import dev.ingot.oci.model.Descriptor;
import dev.ingot.oci.model.Image;
import dev.ingot.oci.model.MediaTypes;
import dev.ingot.oci.model.Platform;
import dev.ingot.plugin.Arg;
import dev.ingot.plugin.ArgType;
import dev.ingot.plugin.Checks;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.PostProcessorPlugin;
import dev.ingot.plugin.Schema;
import dev.ingot.plugin.StepContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Post-processor {@code container}: turns a {@link RootFs} into an OCI image, written as an OCI
 * layout ({@code <output_directory>/oci}, always) and, as asked in {@code formats}, an {@code
 * oci-archive.tar} and a {@code docker-archive.tar} beside it. On a root filesystem from a base
 * image (source {@code oci}) the base layers are kept and one layer with the difference is added.
 * Layers are cached by content, so an unchanged layer is not compressed again. Stateless.
 */
public final class ContainerPostProcessor implements PostProcessorPlugin {
  static final List<String> FORMATS = List.of("oci", "oci-archive", "docker-archive");

  private static final Schema SCHEMA =
      new Schema(ImageSettings.ARGS)
          .plus(
              List.of(
                  Arg.optional("annotations", ArgType.STRING_MAP, null, "Manifest annotations."),
                  Arg.optional("author", ArgType.STRING, null, "Image author."),
                  Arg.optional(
                      "layering",
                      ArgType.ANY,
                      "single",
                      "\"single\", or a list of package-glob groups, one layer each."),
                  Arg.optional(
                      "formats",
                      ArgType.STRING_LIST,
                      List.of("oci"),
                      "oci, oci-archive, docker-archive."),
                  Arg.optional("output_directory", ArgType.STRING, null, "Default output/<build>."),
                  Arg.optional(
                      "image_name",
                      ArgType.STRING,
                      null,
                      "Name in docker-archive (default: build name)."),
                  Arg.optional("tag", ArgType.STRING, "latest", "Tag in the layout and archives."),
                  Arg.optional("compression", ArgType.STRING, "gzip", "gzip, zstd or none."),
                  Arg.optional("compression_level", ArgType.NUMBER, null, "Compression level.")));

  @Override
  public String type() {
    return "container";
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public String description() {
    return "Turns a root filesystem into a reproducible OCI image (layout, oci-archive, docker-archive).";
  }

  @Override
  public Set<Class<? extends Artifact>> accepts() {
    return Set.of(RootFs.class);
  }

  @Override
  public Class<? extends Artifact> produces(Class<? extends Artifact> input, Config config) {
    return ContainerImage.class;
  }

  @Override
  public Diagnostics check(Config config) {
    return Checks.parsing(
        config,
        () -> {
          formats(config);
          layering(config);
          codec(config);
        });
  }

  private static List<String> formats(Config config) {
    List<String> formats = config.strings("formats");
    for (String f : formats) {
      if (!FORMATS.contains(f)) {
        throw config.error(
            "formats",
            "Unknown image format",
            "\"" + f + "\" is not a format; use any of " + String.join(", ", FORMATS) + ".");
      }
    }
    return formats;
  }

  @Override
  public Artifact process(Config config, Artifact input, StepContext ctx) throws Exception {
    RootFs root = (RootFs) input;
    List<String> formats = formats(config);
    Path out = config.string("output_directory").map(ctx::workingPath).orElse(ctx.outputDir());
    refuseExisting(config, ctx, out, formats); // before the layers are rendered
    List<List<String>> groups = layering(config);
    LayerBuilder.Settings settings = compression(config, ctx);
    BlobStore images = new DirBlobStore(ctx.cacheDir().resolve("oci").resolve("blobs"));
    LayerBuilder builder =
        new LayerBuilder(root.blobs(), images, ctx.cacheDir().resolve("oci").resolve("layers"));
    Image base = null;
    List<FileTree> trees;
    BaseImage b = root.base();
    if (b != null) {
      BlobStore baseBlobs = new DirBlobStore(b.blobStore());
      base =
          OciLayoutReader.resolve(
              baseBlobs,
              Descriptor.of(
                  MediaTypes.OCI_MANIFEST, dev.ingot.fs.Digest.parse(b.manifestDigest()), 0),
              null,
              b.reference());
      copyBlobs(base, baseBlobs, images);
      trees = List.of(LayerDiff.diff(b.tree(), root.tree()));
    } else {
      trees = PackageLayering.split(root.tree(), root.blobs(), groups);
    }
    List<Layer> layers = new ArrayList<>();
    for (FileTree t : trees) {
      ctx.cancellation().check();
      ctx.log()
          .info(
              "rendering layer "
                  + (layers.size() + 1)
                  + "/"
                  + trees.size()
                  + " ("
                  + t.size()
                  + " entries, "
                  + t.contentBytes()
                  + " bytes)");
      layers.add(builder.build(t, settings));
    }
    Platform platform =
        base != null ? base.config().platform() : Platform.linux(root.architecture());
    ContainerConfig inherited =
        base == null ? ContainerConfig.EMPTY : Changes.apply(b.changes(), base.config().config());
    ContainerConfig cc = ImageSettings.apply(config, inherited);
    Image img =
        ImageAssembler.assemble(
            images,
            base == null ? null : base.withBlobs(images),
            layers,
            new ImageAssembler.Spec(
                platform,
                cc,
                ctx.sourceDateEpoch(),
                config.string("author", null),
                config.stringMap("annotations"),
                "ingot build " + ctx.buildName(),
                b == null ? null : b.reference()));
    String tag = config.string("tag", "latest");
    String name = config.string("image_name", ctx.buildName()).toLowerCase() + ":" + tag;
    Path layout = out.resolve("oci");
    List<Path> outputs = new ArrayList<>();
    OciLayoutWriter.write(layout, List.of(new Tagged(tag, img)));
    if (formats.contains("oci")) {
      outputs.add(layout);
    }
    if (formats.contains("oci-archive")) {
      Path f = out.resolve("oci-archive.tar");
      OciArchiveWriter.write(f, List.of(new Tagged(tag, img)), ctx.sourceDateEpoch());
      outputs.add(f);
    }
    if (formats.contains("docker-archive")) {
      Path f = out.resolve("docker-archive.tar");
      DockerArchiveWriter.write(
          f, List.of(new Tagged(name, img)), ctx.sourceDateEpoch(), ctx.cacheDir().resolve("tmp"));
      outputs.add(f);
    }
    ctx.log()
        .info(
            "image "
                + img.digest()
                + " ("
                + platform
                + ", "
                + img.manifest().layers().size()
                + " layers)");
    return new ContainerImage(layout, img.digest().toString(), platform.toString(), outputs, root);
  }

  /**
   * The -force rule for what this step writes, wherever output_directory puts it: the build's own
   * output directory is checked before the run, but a layout or archive elsewhere was replaced
   * without a word (another build's image, or the very layout this build's base was read from).
   */
  private static void refuseExisting(
      Config config, StepContext ctx, Path out, List<String> formats) {
    if (ctx.force()) {
      return;
    }
    List<Path> mine = new ArrayList<>(List.of(out.resolve("oci")));
    if (formats.contains("oci-archive")) {
      mine.add(out.resolve("oci-archive.tar"));
    }
    if (formats.contains("docker-archive")) {
      mine.add(out.resolve("docker-archive.tar"));
    }
    for (Path p : mine) {
      if (java.nio.file.Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        throw config.error(
            config.has("output_directory") ? "output_directory" : "",
            "Output exists",
            p
                + " exists (an earlier build's image, or another build's in this run). Use the"
                + " -force flag to replace it, or set output_directory to a directory of its own.");
      }
    }
  }

  private static void copyBlobs(Image base, BlobStore from, BlobStore to) throws Exception {
    if (from.equals(to)) {
      return;
    }
    for (var d : base.blobDigests()) {
      if (!to.has(d)) {
        try (var in = from.open(d)) {
          to.put(in, d);
        }
      }
    }
  }

  static LayerBuilder.Settings compression(Config config, StepContext ctx) {
    Compression c = codec(config);
    return new LayerBuilder.Settings(
        c,
        (int) config.longValue("compression_level", c.defaultLevel()),
        Runtime.getRuntime().availableProcessors(),
        ctx.sourceDateEpoch());
  }

  /** The layer compression, its level checked. */
  private static Compression codec(Config config) {
    Compression c;
    try {
      c = Compression.parse(config.string("compression", "gzip"));
    } catch (IllegalArgumentException e) {
      c = null;
    }
    if (c == null || c == Compression.XZ) {
      throw config.error(
          "compression",
          "Unknown layer compression",
          "Use \"gzip\" (the default), \"zstd\" or \"none\".");
    }
    long level = config.longValue("compression_level", c.defaultLevel());
    long max = c == Compression.ZSTD ? 19 : 9;
    if (c != Compression.NONE && (level < 1 || level > max)) {
      throw config.error(
          "compression_level",
          "Compression level out of range",
          c.name().toLowerCase() + " levels go from 1 to " + max + ".");
    }
    return c;
  }

  @SuppressWarnings("unchecked")
  static List<List<String>> layering(Config config) {
    Object v = config.raw("layering");
    if (v == null || "single".equals(v)) {
      return List.of();
    }
    if (v instanceof List<?> l && l.stream().allMatch(g -> g instanceof List<?>)) {
      List<List<String>> out = new ArrayList<>();
      for (Object g : l) {
        out.add(((List<Object>) g).stream().map(String::valueOf).toList());
      }
      return out;
    }
    throw config.error(
        "layering",
        "Invalid layering",
        "Use \"single\" for one layer, or a list of package groups, e.g."
            + " [[\"libc6\", \"libgcc-s1\"], [\"libssl*\"]]: each group becomes one layer.");
  }
}
