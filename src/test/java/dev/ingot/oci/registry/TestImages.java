package dev.ingot.oci.registry;

import dev.ingot.fs.DirBlobStore;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.compress.Compression;
import dev.ingot.oci.image.ImageAssembler;
import dev.ingot.oci.layer.Layer;
import dev.ingot.oci.layer.LayerBuilder;
import dev.ingot.oci.model.ContainerConfig;
import dev.ingot.oci.model.Image;
import dev.ingot.oci.model.Platform;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Small images made on the spot for registry tests. */
final class TestImages {
  private TestImages() {}

  /** An image of {@code layers} layers with a few files each, varied by {@code seed}. */
  static Image small(Path dir, int seed, int layers, int bytesPerFile) throws Exception {
    DirBlobStore content = new DirBlobStore(dir.resolve("content"));
    DirBlobStore images = new DirBlobStore(dir.resolve("images"));
    LayerBuilder lb = new LayerBuilder(content, images, dir.resolve("layer-index"));
    SplittableRandom r = new SplittableRandom(seed);
    List<Layer> out = new ArrayList<>();
    for (int i = 0; i < layers; i++) {
      FileTree.Builder t = FileTree.builder().put(FileEntry.directory("l" + i, 0755, 0, 0, 1));
      for (int f = 0; f < 3; f++) {
        byte[] data = new byte[bytesPerFile];
        r.nextBytes(data);
        var d = content.put(new ByteArrayInputStream(data));
        t.put(FileEntry.file("l" + i + "/f" + f, 0644, 0, 0, 1, data.length, d));
      }
      t.put(FileEntry.file("l" + i + "/seed", 0644, 0, 0, 1, 0, null).withContent(null));
      out.add(lb.build(t.build(), new LayerBuilder.Settings(Compression.GZIP, 1, 2, 1000)));
    }
    return assemble(images, out, seed);
  }

  /** An image whose two layers are the same blob (as equal layers of a real image are). */
  static Image withALayerTwice(Path dir) throws Exception {
    DirBlobStore images = new DirBlobStore(dir.resolve("images"));
    LayerBuilder lb =
        new LayerBuilder(
            new DirBlobStore(dir.resolve("content")), images, dir.resolve("layer-index"));
    Layer l =
        lb.build(
            FileTree.builder().put(FileEntry.directory("same", 0755, 0, 0, 1)).build(),
            new LayerBuilder.Settings(Compression.GZIP, 1, 2, 1000));
    return assemble(images, List.of(l, l), 12);
  }

  private static Image assemble(DirBlobStore images, List<Layer> out, int seed) throws Exception {
    byte[] label = ("seed " + seed).getBytes(StandardCharsets.UTF_8);
    return ImageAssembler.assemble(
        images,
        null,
        out,
        new ImageAssembler.Spec(
            Platform.parse("linux/amd64"),
            ContainerConfig.EMPTY.withLabels(
                Map.of("seed", new String(label, StandardCharsets.UTF_8))),
            1000,
            null,
            Map.of(),
            "test",
            null));
  }
}
