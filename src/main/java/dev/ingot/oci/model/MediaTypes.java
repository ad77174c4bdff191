package dev.ingot.oci.model;

/** Media types of OCI image-spec 1.1 and Docker image manifest v2 schema 2. */
public final class MediaTypes {
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  public static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar";
  public static final String OCI_LAYER_GZIP = OCI_LAYER + "+gzip";
  public static final String OCI_LAYER_ZSTD = OCI_LAYER + "+zstd";
  public static final String OCI_EMPTY = "application/vnd.oci.empty.v1+json";
  public static final String DOCKER_MANIFEST =
      "application/vnd.docker.distribution.manifest.v2+json";
  public static final String DOCKER_LIST =
      "application/vnd.docker.distribution.manifest.list.v2+json";
  public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
  public static final String DOCKER_LAYER_GZIP =
      "application/vnd.docker.image.rootfs.diff.tar.gzip";
  public static final String DOCKER_FOREIGN_LAYER_GZIP =
      "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";

  private MediaTypes() {}

  public static boolean isIndex(String mt) {
    return OCI_INDEX.equals(mt) || DOCKER_LIST.equals(mt);
  }

  public static boolean isManifest(String mt) {
    return OCI_MANIFEST.equals(mt) || DOCKER_MANIFEST.equals(mt);
  }

  /** The Accept list for manifest GETs: everything we can read. */
  public static final String ACCEPT_MANIFESTS =
      String.join(",", OCI_INDEX, OCI_MANIFEST, DOCKER_LIST, DOCKER_MANIFEST);
}
