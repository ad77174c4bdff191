package dev.ingot.oci.image;

import dev.ingot.fs.BlobStore;
import dev.ingot.oci.layout.ArchiveReader;
import dev.ingot.oci.layout.OciLayoutReader;
import dev.ingot.oci.model.Image;
import dev.ingot.oci.model.ImageRef;
import dev.ingot.oci.model.Platform;
import dev.ingot.oci.registry.CredentialStore;
import dev.ingot.oci.registry.ImagePuller;
import dev.ingot.oci.registry.RegistryClient;
import dev.ingot.oci.registry.RegistrySettings;
import dev.ingot.plugin.BuildLog;
import dev.ingot.plugin.Cancellation;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens an image named the way skopeo names them: {@code oci-layout:PATH[:NAME]} (also {@code
 * oci:}), {@code oci-archive:PATH[:NAME]}, {@code docker-archive:PATH[:REPO:TAG]}, or a registry
 * reference {@code [docker://]host/repo[:tag][@digest]}, which is pulled. A path ends at the first
 * colon. Archive and registry blobs go into {@code store}; a layout's stay where they are. Relative
 * paths are resolved against {@code cwd}. Thread-safe (no state).
 */
public final class ImageOpener {
  /**
   * The platform to pick from an index, how to reach registries, and whether to fetch layers
   * ({@code layers} false: a registry image gets only its manifest and config, for inspection).
   */
  public record Options(
      Platform platform,
      RegistrySettings registry,
      CredentialStore credentials,
      Cancellation cancellation,
      BuildLog log,
      Path cwd,
      boolean layers) {}

  /** The image and a stable name for it (for the base.name annotation). */
  public record Opened(Image image, String reference) {}

  private ImageOpener() {}

  public static Opened open(String spec, BlobStore store, Options o) throws IOException {
    String[] kinds = {"oci-layout:", "oci:", "oci-archive:", "docker-archive:"};
    for (String k : kinds) {
      if (spec.startsWith(k)) {
        String rest = spec.substring(k.length());
        int colon = rest.indexOf(':');
        Path path = o.cwd().resolve(colon < 0 ? rest : rest.substring(0, colon));
        String name = colon < 0 ? null : rest.substring(colon + 1);
        Image img =
            switch (k) {
              case "oci-archive:" -> ArchiveReader.ociArchive(path, name, o.platform(), store);
              case "docker-archive:" -> ArchiveReader.dockerArchive(path, name, store);
              default -> OciLayoutReader.open(path, name, o.platform());
            };
        return new Opened(img, spec);
      }
    }
    ImageRef ref;
    try {
      ref = ImageRef.parse(spec.startsWith("docker://") ? spec.substring(9) : spec);
    } catch (IllegalArgumentException e) {
      throw new IOException(
          "cannot open image '"
              + spec
              + "': "
              + e.getMessage()
              + " (or use oci-layout:PATH, oci-archive:PATH, docker-archive:PATH)");
    }
    try (RegistryClient c =
        new RegistryClient(ref.registry(), o.registry(), o.credentials(), o.cancellation())) {
      Image img = new ImagePuller(c, o.log()).pull(ref, o.platform(), store, o.layers());
      return new Opened(img, ref.toString());
    }
  }
}
