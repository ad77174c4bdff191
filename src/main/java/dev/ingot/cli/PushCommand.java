package dev.ingot.cli;

import dev.ingot.fs.DirBlobStore;
import dev.ingot.oci.image.ImageOpener;
import dev.ingot.oci.model.Image;
import dev.ingot.oci.model.ImageRef;
import dev.ingot.oci.registry.CredentialStore;
import dev.ingot.oci.registry.ImagePusher;
import dev.ingot.oci.registry.RegistryClient;
import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.LocalProcessRunner;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ingot push LAYOUT REF}: pushes an image from a layout or archive to a registry. */
@Command(
    name = "push",
    description = {
      "Push an image to a registry.",
      "IMAGE is an OCI layout directory, or oci-layout:PATH[:NAME], oci-archive:PATH[:NAME],"
          + " docker-archive:PATH[:REPO:TAG]. REF is host[:port]/repository[:tag]."
    })
public final class PushCommand implements Callable<Integer> {
  private final CliEnv env;

  @Parameters(index = "0", paramLabel = "IMAGE")
  String image;

  @Parameters(index = "1", paramLabel = "REF")
  String ref;

  @Mixin RegistryOptions registry = new RegistryOptions();

  public PushCommand(CliEnv env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    ImageRef target;
    try {
      target = ImageRef.parse(ref);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    if (target.digest() != null) {
      throw new UsageException("push to a tag, not a digest: " + ref);
    }
    String spec = image.matches("^[a-z-]+:.*") ? image : "oci-layout:" + image;
    try {
      DirBlobStore store = new DirBlobStore(env.cacheDir(null).resolve("oci").resolve("blobs"));
      ImageOpener.Options o = registry.opener(env, RegistryOptions.quiet(env), true);
      try (RegistryClient c =
          new RegistryClient(
              target.registry(),
              registry.settings(env),
              CredentialStore.fromEnv(env.env(), new LocalProcessRunner()),
              new Cancellation())) {
        // The registry's first answer (and the HTTP client's set-up) overlaps reading the image.
        c.pingInBackground();
        Image img = ImageOpener.open(spec, store, o).image();
        new ImagePusher(c, RegistryOptions.quiet(env))
            .push(img, target.repository(), List.of(target.tag()), List.of());
        env.out().println(target.name() + ":" + target.tag() + "@" + img.digest());
      }
      return 0;
    } catch (IOException e) {
      env.err().println("Error: " + dev.ingot.plugin.IoMessages.describe(e));
      return 2;
    }
  }
}
