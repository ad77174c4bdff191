package dev.ingot.artifact;

import java.nio.file.Path;
import java.util.List;

/**
 * An OCI image written locally. {@code layout} is the OCI image layout directory that holds it
 * (always written, the other formats are siblings listed in {@code outputs}); {@code
 * manifestDigest} is "sha256:…". {@code rootfs} is the tree the image was made from, kept so that
 * scan and sbom steps after the container step still see the packages.
 */
public record ContainerImage(
    Path layout, String manifestDigest, String platform, List<Path> outputs, RootFs rootfs)
    implements Artifact {
  public ContainerImage {
    outputs = List.copyOf(outputs);
  }

  @Override
  public String id() {
    return manifestDigest;
  }

  @Override
  public List<Path> files() {
    return outputs;
  }

  @Override
  public String describe() {
    return "container image " + manifestDigest + " (" + platform + ") in " + layout;
  }
}
