package dev.ingot.oci.registry;

import static dev.ingot.oci.OciTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.fs.DirBlobStore;
import dev.ingot.oci.model.Image;
import dev.ingot.oci.model.ImageRef;
import dev.ingot.oci.model.Platform;
import dev.ingot.plugin.BuildLog;
import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.LocalProcessRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bearer token auth against docker-registry in {@code auth: token} mode: the registry checks the
 * signatures of the JWTs our {@link TokenServer} issues. Basic credentials are exchanged for tokens
 * per scope, a refused (expired) token is replaced, a short-lived one is renewed before it lapses,
 * and a scope the server does not grant is a clear error.
 */
@Tag("peer")
class TokenAuthPeerTest {
  private static final String PASS = "tok-pass-1";

  @TempDir Path tmp;
  private TokenServer tokens;
  private TestRegistry reg;

  @BeforeEach
  void start() throws Exception {
    tokens =
        TokenServer.start(
            tmp.resolve("tokens"),
            Map.of(
                "pusher", new TokenServer.User(PASS, Set.of("pull", "push")),
                "reader", new TokenServer.User(PASS, Set.of("pull"))));
    reg = TestRegistry.withTokenAuth(tmp.resolve("reg"), tokens);
  }

  @AfterEach
  void stop() throws Exception {
    reg.close();
    tokens.close();
  }

  private RegistryClient client(String user, String pass) throws Exception {
    Path f = tmp.resolve("auth-" + user + "-" + pass + ".json");
    String auth =
        Base64.getEncoder().encodeToString((user + ":" + pass).getBytes(StandardCharsets.UTF_8));
    Files.writeString(f, "{\"auths\":{\"" + reg.host() + "\":{\"auth\":\"" + auth + "\"}}}");
    CredentialStore store =
        CredentialStore.fromEnv(
            Map.of("REGISTRY_AUTH_FILE", f.toString()), new LocalProcessRunner());
    return new RegistryClient(
        reg.host(), RegistrySettings.DEFAULTS.withInsecure(true), store, new Cancellation());
  }

  private Image pull(RegistryClient c, String repo, String tag) throws Exception {
    return new ImagePuller(c, BuildLog.NONE)
        .pull(
            ImageRef.parse(reg.host() + "/" + repo + ":" + tag),
            Platform.parse("linux/amd64"),
            new DirBlobStore(tmp.resolve("pulled-" + System.nanoTime())));
  }

  @Test
  void basicCredentialsAreExchangedForScopedTokensTheRegistryAccepts() throws Exception {
    Image img = TestImages.small(tmp.resolve("img"), 7, 2, 2000);
    try (RegistryClient c = client("pusher", PASS)) {
      new ImagePusher(c, BuildLog.NONE).push(img, "tok/base", List.of("v1"), List.of());
      // One push, one scope: pulls (HEAD) ride on the push token.
      assertThat(tokens.requests).contains(List.of("repository:tok/base:pull,push"));
      assertThat(tokens.requests).doesNotContain(List.of("repository:tok/base:pull"));
      int before = tokens.requests.size();
      List<String> log = new CopyOnWriteArrayList<>();
      new ImagePusher(c, RegistryPeerTest.logTo(log))
          .push(img, "tok/app", List.of("v1"), List.of("tok/base"));
      assertThat(log)
          .anyMatch(l -> l.startsWith("mounted"))
          .noneMatch(l -> l.startsWith("uploaded"));
      assertThat(tokens.requests.subList(before, tokens.requests.size()))
          .containsExactly(List.of("repository:tok/app:pull,push", "repository:tok/base:pull"));
    }
    try (RegistryClient r = client("reader", PASS)) {
      assertThat(pull(r, "tok/app", "v1").digest()).isEqualTo(img.digest());
    }
    // skopeo, a client of its own, gets tokens from the same server and reads what we pushed.
    String digest =
        run(
            "skopeo",
            "inspect",
            "--tls-verify=false",
            "--creds",
            "reader:" + PASS,
            "--format",
            "{{.Digest}}",
            "docker://" + reg.host() + "/tok/app:v1");
    assertThat(digest.strip()).isEqualTo(img.digest().toString());
  }

  @Test
  void refusedTokensAreReplacedAndShortLivedOnesRenewed() throws Exception {
    Image img = TestImages.small(tmp.resolve("img"), 8, 1, 1000);
    try (RegistryClient c = client("pusher", PASS)) {
      // The server claims 300 s but signs tokens that expired long ago: the registry refuses
      // each one (invalid_token), and the client fetches another for that request.
      tokens.lifetime = -600;
      assertThatThrownBy(
              () ->
                  new ImagePusher(c, BuildLog.NONE).push(img, "tok/exp", List.of("v1"), List.of()))
          .isInstanceOfSatisfying(
              RegistryException.class, e -> assertThat(e.status()).isEqualTo(401));
      int refused = tokens.requests.size();
      tokens.lifetime = 300;
      new ImagePusher(c, BuildLog.NONE).push(img, "tok/exp", List.of("v1"), List.of());
      assertThat(tokens.requests.size()).isGreaterThan(refused);
    }
    // A token said to live 6 s is used for every request of a pull and renewed after 3 s, before
    // the registry would see it lapse (the registry allows a minute of leeway: this is the client).
    tokens.expiresIn = 6;
    try (RegistryClient r = client("reader", PASS)) {
      List<String> pullScope = List.of("repository:tok/exp:pull");
      assertThat(pull(r, "tok/exp", "v1").digest()).isEqualTo(img.digest());
      assertThat(tokens.requests.stream().filter(pullScope::equals)).hasSize(1);
      Thread.sleep(3200);
      assertThat(pull(r, "tok/exp", "v1").digest()).isEqualTo(img.digest());
      assertThat(tokens.requests.stream().filter(pullScope::equals)).hasSize(2);
    }
  }

  @Test
  void aScopeTheServerDoesNotGrantIsAClearErrorAndBadCredentialsToo() throws Exception {
    Image img = TestImages.small(tmp.resolve("img"), 9, 1, 1000);
    try (RegistryClient r = client("reader", PASS)) {
      assertThatThrownBy(
              () -> new ImagePusher(r, BuildLog.NONE).push(img, "tok/ro", List.of("v1"), List.of()))
          .isInstanceOfSatisfying(
              RegistryException.class,
              e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.getMessage())
                    .contains("access denied", "repository:tok/ro:pull,push", reg.host())
                    .doesNotContain("REGISTRY_AUTH_FILE", PASS);
              });
    }
    try (RegistryClient w = client("pusher", "wrong-pass")) {
      assertThatThrownBy(
              () -> new ImagePusher(w, BuildLog.NONE).push(img, "tok/ro", List.of("v1"), List.of()))
          .isInstanceOfSatisfying(
              RegistryException.class,
              e ->
                  assertThat(e.getMessage())
                      .contains("token request", "401", "REGISTRY_AUTH_FILE")
                      .doesNotContain("wrong-pass"));
    }
  }
}
