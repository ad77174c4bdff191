package dev.ingot.scan;

import dev.ingot.artifact.PushedImage;
import dev.ingot.fs.DirBlobStore;
import dev.ingot.oci.model.Descriptor;
import dev.ingot.oci.model.Image;
import dev.ingot.oci.model.ImageRef;
import dev.ingot.oci.model.Manifest;
import dev.ingot.oci.model.MediaTypes;
import dev.ingot.oci.registry.CredentialStore;
import dev.ingot.oci.registry.ImagePusher;
import dev.ingot.oci.registry.RegistryClient;
import dev.ingot.oci.registry.RegistrySettings;
import dev.ingot.plugin.StepContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Attaches SBOM documents to a pushed image as OCI referrers (distribution-spec 1.1): each becomes
 * an artifact manifest whose {@code subject} is the image, with {@code artifactType} the SBOM's
 * media type, so {@code GET /v2/<repo>/referrers/<digest>} (or the tag-schema fallback the registry
 * client writes when the registry has no referrers API) lists it. Stateless.
 */
final class SbomReferrers {
  static final String CYCLONEDX = "application/vnd.cyclonedx+json";
  static final String SPDX = "application/spdx+json";

  private SbomReferrers() {}

  /** Pushes each file as a referrer of {@code image}; returns the referrer manifest digests. */
  static List<String> attach(
      PushedImage image, List<Path> files, RegistrySettings settings, StepContext ctx)
      throws IOException {
    ImageRef ref = ImageRef.parse(image.repository());
    try (RegistryClient client =
        new RegistryClient(
            ref.registry(),
            settings,
            CredentialStore.fromEnv(ctx.env(), ctx.processes()),
            ctx.cancellation())) {
      return attach(client, ref, image, files, ctx);
    }
  }

  private static List<String> attach(
      RegistryClient client, ImageRef ref, PushedImage image, List<Path> files, StepContext ctx)
      throws IOException {
    RegistryClient.Fetched subject = client.getManifest(ref.repository(), image.digest());
    Descriptor subjectDesc = Descriptor.of(subject.mediaType(), subject.bytes());
    DirBlobStore store = new DirBlobStore(ctx.cacheDir().resolve("scan").resolve("referrers"));
    byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
    store.put(new ByteArrayInputStream(empty));
    List<String> out = new ArrayList<>();
    ImagePusher pusher = new ImagePusher(client, ctx.log());
    for (Path f : files) {
      String type = f.getFileName().toString().contains(".cdx.") ? CYCLONEDX : SPDX;
      byte[] doc = Files.readAllBytes(f);
      store.put(new ByteArrayInputStream(doc));
      Manifest m =
          Manifest.oci(
                  Descriptor.of(MediaTypes.OCI_EMPTY, empty),
                  List.of(
                      Descriptor.of(type, doc)
                          .withAnnotations(
                              Map.of(
                                  "org.opencontainers.image.title", f.getFileName().toString()))),
                  Map.of())
              .withArtifactType(type)
              .withSubject(subjectDesc);
      byte[] mb = m.toBytes();
      store.put(new ByteArrayInputStream(mb));
      Image artifact = new Image(Descriptor.of(MediaTypes.OCI_MANIFEST, mb), m, null, store);
      out.add(pusher.pushReferrer(artifact, ref.repository()).toString());
    }
    return out;
  }
}
