package dev.ingot.oci.registry;

import static dev.ingot.oci.OciTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.fs.Digest;
import dev.ingot.fs.DirBlobStore;
import dev.ingot.oci.model.Descriptor;
import dev.ingot.oci.model.Image;
import dev.ingot.oci.model.ImageRef;
import dev.ingot.oci.model.Json;
import dev.ingot.oci.model.Manifest;
import dev.ingot.oci.model.MediaTypes;
import dev.ingot.oci.model.Platform;
import dev.ingot.plugin.BuildLog;
import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.LocalProcessRunner;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Push, pull, mount, chunked upload, auth and faults against a real docker-registry. */
@Tag("peer")
class RegistryPeerTest {
  @TempDir Path tmp;
  final RegistrySettings plain =
      RegistrySettings.DEFAULTS.withInsecure(true).withRetries(8, Duration.ofMillis(20));

  private RegistryClient client(String host, RegistrySettings s, CredentialStore creds)
      throws Exception {
    return new RegistryClient(host, s, creds, new Cancellation());
  }

  private CredentialStore noCreds() {
    return new CredentialStore(List.of(), new LocalProcessRunner());
  }

  private Image pullBack(RegistryClient c, String repo, String tag) throws Exception {
    return new ImagePuller(c, BuildLog.NONE)
        .pull(
            ImageRef.parse(c.host() + "/" + repo + ":" + tag),
            Platform.parse("linux/amd64"),
            new DirBlobStore(tmp.resolve("pulled-" + repo.replace('/', '_') + System.nanoTime())));
  }

  @Test
  void plainHttpPushPullMountTagsDeleteAndReferrers() throws Exception {
    try (TestRegistry reg = TestRegistry.start(tmp.resolve("reg"), TestRegistry.Mode.PLAIN)) {
      RegistryClient c = client(reg.host(), plain, noCreds());
      Image img = TestImages.small(tmp.resolve("img"), 1, 2, 4096);
      ImagePusher pusher = new ImagePusher(c, BuildLog.NONE);
      assertThat(pusher.push(img, "base/os", List.of("v1", "latest"), List.of()))
          .isEqualTo(img.digest());
      assertThat(c.tags("base/os")).containsExactlyInAnyOrder("v1", "latest");
      Image back = pullBack(c, "base/os", "v1");
      assertThat(back.digest()).isEqualTo(img.digest());
      assertThat(back.config()).isEqualTo(img.config());
      // Mount: the layers arrive in another repository without being uploaded.
      List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
      new ImagePusher(c, logTo(log)).push(img, "apps/one", List.of("v1"), List.of("base/os"));
      assertThat(log).anyMatch(l -> l.startsWith("mounted"));
      assertThat(log).noneMatch(l -> l.startsWith("uploaded"));
      // skopeo reads what we pushed.
      Map<String, Object> info =
          Json.object(
              run(
                  "skopeo",
                  "inspect",
                  "--tls-verify=false",
                  "docker://" + reg.host() + "/apps/one:v1"));
      assertThat(info.get("Digest")).isEqualTo(img.digest().toString());
      run(
          "skopeo",
          "copy",
          "--quiet",
          "--src-tls-verify=false",
          "docker://" + reg.host() + "/apps/one:v1",
          "oci:" + tmp.resolve("skopeo-copy") + ":x");
      // Referrers: the registry has no referrers API, so the tag schema is used.
      Image sbom = artifact(img);
      pusher.pushReferrer(sbom, "base/os");
      var refs = c.referrers("base/os", img.digest(), "application/spdx+json");
      assertThat(refs.manifests()).extracting(Descriptor::digest).containsExactly(sbom.digest());
      assertThat(c.referrers("base/os", img.digest(), "other/type").manifests()).isEmpty();
      // Delete, then the manifest is gone with a typed error.
      c.deleteManifest("apps/one", img.digest());
      assertThatThrownBy(() -> c.getManifest("apps/one", img.digest().toString()))
          .isInstanceOfSatisfying(
              RegistryException.class,
              e -> {
                assertThat(e.status()).isEqualTo(404);
                assertThat(e.hasCode("MANIFEST_UNKNOWN")).isTrue();
              });
    }
  }

  @Test
  void aBlobListedTwiceIsUploadedOnce() throws Exception {
    try (TestRegistry reg = TestRegistry.start(tmp.resolve("reg"), TestRegistry.Mode.PLAIN);
        RegistryClient c =
            client(reg.host(), RegistrySettings.DEFAULTS.withInsecure(true), noCreds())) {
      Image img = TestImages.withALayerTwice(tmp.resolve("img"));
      assertThat(img.manifest().layers().get(0)).isEqualTo(img.manifest().layers().get(1));
      List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
      new ImagePusher(c, logTo(log)).push(img, "dup/app", List.of("v1"), List.of());
      assertThat(log.stream().filter(l -> l.startsWith("uploaded"))).hasSize(2); // config, layer
      assertThat(pullBack(c, "dup/app", "v1").digest()).isEqualTo(img.digest());
    }
  }

  /** A log that collects info and warning lines (the pusher says what it uploaded or mounted). */
  static BuildLog logTo(List<String> lines) {
    return new BuildLog() {
      @Override
      public void info(String m) {
        lines.add(m);
      }

      @Override
      public void warn(String m) {
        lines.add(m);
      }

      @Override
      public void output(String line) {}

      @Override
      public void progress(String task, long done, long total) {}
    };
  }

  /** An SBOM-like artifact referring to {@code subject}. */
  private Image artifact(Image subject) throws Exception {
    DirBlobStore s = new DirBlobStore(tmp.resolve("artifact"));
    byte[] doc = "{\"spdxVersion\":\"SPDX-2.3\"}".getBytes(StandardCharsets.UTF_8);
    byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
    s.put(new ByteArrayInputStream(doc));
    s.put(new ByteArrayInputStream(empty));
    Manifest m =
        Manifest.oci(
                Descriptor.of(MediaTypes.OCI_EMPTY, empty),
                List.of(Descriptor.of("application/spdx+json", doc)),
                Map.of())
            .withArtifactType("application/spdx+json")
            .withSubject(subject.descriptor().withPlatform(null));
    byte[] mb = m.toBytes();
    s.put(new ByteArrayInputStream(mb));
    return new Image(Descriptor.of(MediaTypes.OCI_MANIFEST, mb), m, subject.config(), s);
  }

  @Test
  void tlsWithAGeneratedCa() throws Exception {
    try (TestRegistry reg = TestRegistry.start(tmp.resolve("reg"), TestRegistry.Mode.TLS)) {
      Image img = TestImages.small(tmp.resolve("img"), 2, 1, 1000);
      RegistryClient untrusted =
          client(
              reg.host(),
              RegistrySettings.DEFAULTS.withRetries(1, Duration.ofMillis(1)),
              noCreds());
      assertThatThrownBy(
              () ->
                  new ImagePusher(untrusted, BuildLog.NONE)
                      .push(img, "tls/app", List.of("v1"), List.of()))
          .isInstanceOf(RegistryException.class)
          .hasMessageContaining("ping");
      RegistryClient c =
          client(reg.host(), RegistrySettings.DEFAULTS.withCaFile(reg.caFile), noCreds());
      new ImagePusher(c, BuildLog.NONE).push(img, "tls/app", List.of("v1"), List.of());
      assertThat(pullBack(c, "tls/app", "v1").digest()).isEqualTo(img.digest());
      Path certs = Files.createDirectories(tmp.resolve("certs"));
      Files.copy(reg.caFile, certs.resolve("ca.crt"));
      Map<String, Object> info =
          Json.object(
              run(
                  "skopeo",
                  "inspect",
                  "--cert-dir",
                  certs.toString(),
                  "docker://" + reg.host() + "/tls/app:v1"));
      assertThat(info.get("Digest")).isEqualTo(img.digest().toString());
      assertThatThrownBy(
              () ->
                  client(
                          reg.host(),
                          RegistrySettings.DEFAULTS.withInsecure(true).withCaFile(null),
                          noCreds())
                      .ping())
          .isInstanceOf(RegistryException.class);
    }
  }

  @Test
  void basicAuthFromAnAuthFileAndClearFailures() throws Exception {
    try (TestRegistry reg = TestRegistry.start(tmp.resolve("reg"), TestRegistry.Mode.BASIC_AUTH)) {
      RegistrySettings tls = RegistrySettings.DEFAULTS.withCaFile(reg.caFile);
      Image img = TestImages.small(tmp.resolve("img"), 3, 1, 1000);
      assertThatThrownBy(
              () ->
                  new ImagePusher(client(reg.host(), tls, noCreds()), BuildLog.NONE)
                      .push(img, "auth/app", List.of("v1"), List.of()))
          .isInstanceOfSatisfying(
              RegistryException.class,
              e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.getMessage()).contains("REGISTRY_AUTH_FILE");
              });
      // A GET carries the spec's error body, with its code.
      assertThatThrownBy(() -> client(reg.host(), tls, noCreds()).getManifest("auth/app", "v1"))
          .isInstanceOfSatisfying(
              RegistryException.class, e -> assertThat(e.hasCode("UNAUTHORIZED")).isTrue());
      CredentialStore wrong = store(reg.host(), TestRegistry.USER, "wrong");
      assertThatThrownBy(
              () ->
                  new ImagePusher(client(reg.host(), tls, wrong), BuildLog.NONE)
                      .push(img, "auth/app", List.of("v1"), List.of()))
          .isInstanceOf(RegistryException.class)
          .hasMessageContaining("401")
          .hasMessageNotContaining("wrong");
      CredentialStore right = store(reg.host(), TestRegistry.USER, TestRegistry.PASSWORD);
      RegistryClient c = client(reg.host(), tls, right);
      new ImagePusher(c, BuildLog.NONE).push(img, "auth/app", List.of("v1"), List.of());
      assertThat(pullBack(c, "auth/app", "v1").digest()).isEqualTo(img.digest());
    }
  }

  private CredentialStore store(String host, String user, String pass) throws Exception {
    Path f = tmp.resolve("auth-" + pass + ".json");
    String auth =
        Base64.getEncoder().encodeToString((user + ":" + pass).getBytes(StandardCharsets.UTF_8));
    Files.writeString(f, "{\"auths\":{\"https://" + host + "\":{\"auth\":\"" + auth + "\"}}}");
    return CredentialStore.fromEnv(
        Map.of("REGISTRY_AUTH_FILE", f.toString()), new LocalProcessRunner());
  }

  @Test
  @Tag("slow")
  void chunkedUploadOfALargeBlobResumesThroughFaults() throws Exception {
    try (TestRegistry reg = TestRegistry.start(tmp.resolve("reg"), TestRegistry.Mode.PLAIN);
        FaultProxy proxy = new FaultProxy(reg.port, 7, 12)) {
      Path blob = tmp.resolve("big.bin");
      SplittableRandom r = new SplittableRandom(3);
      byte[] buf = new byte[1 << 20];
      var md = Digest.sha256Md();
      try (OutputStream out = Files.newOutputStream(blob)) {
        for (int i = 0; i < 70; i++) {
          r.nextBytes(buf);
          md.update(buf);
          out.write(buf);
        }
      }
      Digest d = Digest.fromSha256(md.digest());
      RegistrySettings chunked = plain.withChunking(64L << 20, 16L << 20);
      RegistryClient viaProxy = client("127.0.0.1:" + proxy.port(), chunked, noCreds());
      viaProxy.uploadBlob("big/blob", d, blob, Files.size(blob));
      RegistryClient direct = client(reg.host(), plain, noCreds());
      assertThat(direct.blobExists("big/blob", d)).isTrue();
      DirBlobStore back = new DirBlobStore(tmp.resolve("back"));
      direct.fetchBlob("big/blob", d, back);
      assertThat(back.size(d)).isEqualTo(70L << 20);
      assertThat(proxy.faults.get()).isPositive();
    }
  }

  @Test
  void pushThroughAFaultInjectingProxyGivesCorrectDigests() throws Exception {
    try (TestRegistry reg = TestRegistry.start(tmp.resolve("reg"), TestRegistry.Mode.PLAIN);
        FaultProxy proxy = new FaultProxy(reg.port, 42, 25)) {
      Image img = TestImages.small(tmp.resolve("img"), 4, 4, 200_000);
      RegistryClient viaProxy = client("127.0.0.1:" + proxy.port(), plain, noCreds());
      new ImagePusher(viaProxy, BuildLog.NONE).push(img, "flaky/app", List.of("v1"), List.of());
      assertThat(proxy.faults.get()).isPositive();
      RegistryClient direct = client(reg.host(), plain, noCreds());
      Image back = pullBack(direct, "flaky/app", "v1");
      assertThat(back.digest()).isEqualTo(img.digest());
      run(
          "skopeo",
          "copy",
          "--quiet",
          "--src-tls-verify=false",
          "docker://" + reg.host() + "/flaky/app:v1",
          "dir:" + tmp.resolve("verify"));
    }
  }
}
