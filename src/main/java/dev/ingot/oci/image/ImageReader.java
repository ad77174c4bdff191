package dev.ingot.oci.image;

import dev.ingot.artifact.RootFs;
import dev.ingot.fs.BlobStore;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.FsPaths;
import dev.ingot.fs.tar.ContentPolicy;
import dev.ingot.fs.tar.TarReadOptions;
import dev.ingot.oci.model.Image;
import dev.ingot.oci.model.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an image into a {@link RootFs} for inspection (package inventory, scans): opens it ({@link
 * ImageOpener}), applies its layers with whiteouts ({@link ImageFlattener}) and reads {@code
 * os-release}. The packages list is left empty: reading the dpkg or rpm database is the scanner's
 * job. Variant is "image". Thread-safe (no state).
 */
public final class ImageReader {
  private ImageReader() {}

  /**
   * @param spec an image name as {@link ImageOpener} takes it
   * @param images where pulled or archived image blobs go
   * @param contents where the files of the flattened tree go
   */
  public static RootFs read(
      String spec, BlobStore images, BlobStore contents, ImageOpener.Options o) throws IOException {
    return read(spec, images, contents, o, ContentPolicy.ALL);
  }

  /**
   * As {@link #read(String, BlobStore, BlobStore, ImageOpener.Options)}, keeping what the policy
   * keeps.
   */
  public static RootFs read(
      String spec,
      BlobStore images,
      BlobStore contents,
      ImageOpener.Options o,
      ContentPolicy policy)
      throws IOException {
    Image img = ImageOpener.open(spec, images, o).image();
    return toRootFs(
        new ImageFlattener(contents, TarReadOptions.DEFAULTS, policy, o.cancellation())
            .flatten(img),
        img,
        contents);
  }

  public static RootFs toRootFs(Image img, BlobStore contents) throws IOException {
    return toRootFs(
        new ImageFlattener(contents, TarReadOptions.DEFAULTS).flatten(img), img, contents);
  }

  private static RootFs toRootFs(FileTree tree, Image img, BlobStore contents) throws IOException {
    return new RootFs(
        tree,
        contents,
        List.of(),
        "image",
        debianArch(img.config().platform()),
        osRelease(tree, contents));
  }

  /** The Debian name of an OCI platform's architecture (amd64, arm64, armhf, i386, …). */
  public static String debianArch(Platform p) {
    return switch (p.architecture()) {
      case "arm" -> "v5".equals(p.variant()) ? "armel" : "armhf";
      case "386" -> "i386";
      case "ppc64le" -> "ppc64el";
      default -> p.architecture();
    };
  }

  /** "ID-VERSION_ID" from etc/os-release or usr/lib/os-release (links followed), or null. */
  public static String osRelease(FileTree tree, BlobStore contents) throws IOException {
    for (String p : List.of("etc/os-release", "usr/lib/os-release")) {
      FileEntry e = follow(tree, p);
      if (e == null || !e.isRegular() || e.content() == null) {
        continue;
      }
      Map<String, String> kv = new HashMap<>();
      try (InputStream in = contents.open(e.content())) {
        for (String line :
            new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8).split("\n")) {
          int eq = line.indexOf('=');
          if (eq > 0) {
            kv.put(
                line.substring(0, eq).strip(),
                line.substring(eq + 1).strip().replaceAll("^[\"']|[\"']$", ""));
          }
        }
      }
      String id = kv.get("ID");
      if (id != null) {
        String v = kv.get("VERSION_ID");
        return v == null ? id : id + "-" + v;
      }
    }
    return null;
  }

  private static FileEntry follow(FileTree tree, String path) {
    String p = path;
    for (int hops = 0; hops < 16; hops++) {
      FileEntry e = tree.get(p).orElse(null);
      if (e == null) {
        return null;
      }
      if (e.type() == dev.ingot.fs.FileType.SYMLINK) {
        p = FsPaths.resolveLink(p, e.linkTarget());
      } else if (e.type() == dev.ingot.fs.FileType.HARDLINK) {
        p = e.linkTarget();
      } else {
        return e;
      }
    }
    return null;
  }
}
