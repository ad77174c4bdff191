package dev.ingot.oci.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.oci.model.ImageRef;
import dev.ingot.plugin.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthPiecesTest {
  @TempDir Path tmp;

  @Test
  void parsesChallenges() {
    Challenge c =
        Challenge.parse(
            "Bearer realm=\"https://auth.example/token\",service=\"registry\","
                + "scope=\"repository:a/b:pull,push\"");
    assertThat(c.scheme()).isEqualTo("bearer");
    assertThat(c.param("realm")).isEqualTo("https://auth.example/token");
    assertThat(c.param("scope")).isEqualTo("repository:a/b:pull,push");
    assertThat(Challenge.parse("Basic realm=\"x\"").scheme()).isEqualTo("basic");
  }

  @Test
  void scopesEchoedInAnyActionOrderReadTheSame() {
    // docker-registry's insufficient_scope challenge lists actions in its own map order.
    assertThat(Auth.canonical("repository:tok/ro:push,pull repository:b:pull"))
        .isEqualTo("repository:tok/ro:pull,push repository:b:pull");
  }

  @Test
  void aTokenAskedForMoreScopesServesRequestsForFewer() {
    String push = Auth.pushScope("team/app", List.of("base/os"));
    assertThat(push).isEqualTo("repository:team/app:pull,push repository:base/os:pull");
    assertThat(Auth.covers(push, Auth.pullScope("team/app"))).isTrue();
    assertThat(Auth.covers(push, Auth.pushScope("team/app", List.of()))).isTrue();
    assertThat(Auth.covers(push, Auth.pullScope("base/os"))).isTrue();
    assertThat(Auth.covers(push, Auth.pushScope("base/os", List.of()))).isFalse();
    assertThat(Auth.covers(push, Auth.pullScope("team/other"))).isFalse();
    assertThat(Auth.covers(Auth.pullScope("team/app"), push)).isFalse();
    assertThat(Auth.covers(push, "")).isFalse();
  }

  @Test
  void readsAuthsIdentityTokensAndHelpersInOrder() throws Exception {
    Path authFile = tmp.resolve("auth.json");
    Files.writeString(
        authFile,
        "{\"auths\":{\"https://reg.example:5000/v1/\":{\"auth\":\"dXNlcjpwYTpzcw==\"},"
            + "\"tok.example\":{\"identitytoken\":\"refresh-me\"}},"
            + "\"credHelpers\":{\"helped.example\":\"fake\"}}");
    Path docker = Files.createDirectories(tmp.resolve("docker"));
    Files.writeString(docker.resolve("config.json"), "{\"credsStore\":\"store\"}");
    List<List<String>> calls = new CopyOnWriteArrayList<>();
    ProcessRunner fake =
        (cmd, dir, env, lines, timeout, cancel) -> {
          calls.add(cmd);
          String helper = cmd.get(cmd.size() - 1);
          return helper.equals("fake")
              ? new ProcessRunner.Result(0, List.of("{\"Username\":\"h\",\"Secret\":\"s\"}"))
              : new ProcessRunner.Result(1, List.of("credentials not found in native keychain"));
        };
    CredentialStore store =
        CredentialStore.fromEnv(
            Map.of("REGISTRY_AUTH_FILE", authFile.toString(), "DOCKER_CONFIG", docker.toString()),
            fake);
    Credentials basic = store.lookup("reg.example:5000");
    assertThat(basic.username()).isEqualTo("user");
    assertThat(basic.password()).isEqualTo("pa:ss");
    assertThat(basic.toString()).doesNotContain("pa:ss");
    assertThat(store.lookup("tok.example").identityToken()).isEqualTo("refresh-me");
    assertThat(store.lookup("helped.example").password()).isEqualTo("s");
    assertThat(calls.get(0)).contains("helped.example", "fake");
    // Not in the auth file: the docker config's credsStore is asked, and has nothing.
    assertThat(store.lookup("other.example").isAnonymous()).isTrue();
    assertThat(calls.get(1)).contains("other.example", "store");
  }

  @Test
  void insecureIsForLoopbackOnly() {
    assertThat(Transport.isLoopback("127.0.0.1:5000")).isTrue();
    assertThat(Transport.isLoopback("localhost:5000")).isTrue();
    assertThat(Transport.isLoopback("[::1]:5000")).isTrue();
    assertThat(Transport.isLoopback("192.0.2.10:5000")).isFalse();
    assertThatThrownBy(
            () ->
                new RegistryClient(
                    "192.0.2.10:5000",
                    RegistrySettings.DEFAULTS.withInsecure(true),
                    null,
                    new dev.ingot.plugin.Cancellation()))
        .hasMessageContaining("only for a registry on loopback");
  }

  @Test
  void imageReferencesNeedARegistryHost() {
    ImageRef r = ImageRef.parse("127.0.0.1:5000/base/debian:12@sha256:" + "a".repeat(64));
    assertThat(r.registry()).isEqualTo("127.0.0.1:5000");
    assertThat(r.repository()).isEqualTo("base/debian");
    assertThat(r.tag()).isEqualTo("12");
    assertThat(r.reference()).startsWith("sha256:");
    assertThat(ImageRef.parse("localhost/x").tag()).isEqualTo("latest");
    assertThatThrownBy(() -> ImageRef.parse("debian:12")).hasMessageContaining("names no registry");
    assertThatThrownBy(() -> ImageRef.parse("library/debian"))
        .hasMessageContaining("no registry host");
    assertThatThrownBy(() -> ImageRef.parse("reg.example/UPPER"))
        .hasMessageContaining("bad repository");
    assertThat(RegistryClient.nextLink("</v2/x/tags/list?n=2&last=b>; rel=\"next\""))
        .isEqualTo("/v2/x/tags/list?n=2&last=b");
  }
}
