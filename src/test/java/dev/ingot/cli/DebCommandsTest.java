package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.pkg.deb.FixtureRepo;
import dev.ingot.pkg.deb.FixtureRepo.Pkg;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lock, rootfs and outdated against a signed fixture repository on loopback. */
@Tag("peer")
class DebCommandsTest {
  @TempDir Path tmp;
  FixtureRepo fx;
  URI base;
  Map<String, String> env = Map.of("SOURCE_DATE_EPOCH", "1700000000", "HOME", "/nonexistent");

  static final Pkg BASE =
      Pkg.of("base", "1")
          .arch("all")
          .file("usr/lib/os-release", "ID=testos\nVERSION_ID=\"7\"\n")
          .file("etc/os-release", "->../usr/lib/os-release");
  static final Pkg APP =
      Pkg.of("app", "2.0").with("Depends", "lib (>= 1.0)").file("usr/bin/app", "#!/bin/sh\n");

  @BeforeEach
  void setUp() throws Exception {
    fx = new FixtureRepo(tmp.resolve("fx"));
    fx.publish("stable", List.of(BASE, APP, Pkg.of("lib", "1.0").file("usr/lib/libx.so.1", "v1")));
    fx.publish("stable-security", List.of(Pkg.of("other", "1")));
    base = fx.serve();
    Files.writeString(
        tmp.resolve("spec.json"),
        "{\"suites\": [\"stable\", \"stable-security\"], \"mirror\": \""
            + base
            + "\", \"keyring\": \""
            + fx.keyring
            + "\", \"packages\": [\"app\", \"base\"]}");
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  CliTestSupport.Run ingot(String... args) {
    return CliTestSupport.run(tmp, env, args);
  }

  @Test
  void lockThenBuildReproduciblyThenSeeSecurityUpdates() throws Exception {
    CliTestSupport.Run lock = ingot("lock", "spec.json", "--cache-dir", "cache");
    assertThat(lock.exitCode()).as(lock.err()).isZero();
    String text = Files.readString(tmp.resolve("ingot.lock"));
    assertThat(text).contains("Package: lib\nVersion: 1.0\n", "Suite: stable\n", "Package: app\n");

    assertThat(ingot("rootfs", "spec.json", "-o", "a.tar", "--cache-dir", "cache").exitCode())
        .isZero();
    assertThat(ingot("rootfs", "spec.json", "-o", "b.tar", "--cache-dir", "cache2").exitCode())
        .isZero();
    assertThat(Files.readAllBytes(tmp.resolve("a.tar")))
        .isEqualTo(Files.readAllBytes(tmp.resolve("b.tar")));
    assertThat(ingot("outdated", "spec.json", "--cache-dir", "cache").exitCode()).isZero();

    fx.publish(
        "stable-security",
        List.of(Pkg.of("other", "1"), Pkg.of("lib", "1.0+sec1").file("usr/lib/libx.so.1", "v2")));
    CliTestSupport.Run out = ingot("outdated", "spec.json", "--cache-dir", "cache");
    assertThat(out.exitCode()).isEqualTo(1);
    assertThat(out.out()).contains("lib 1.0 -> 1.0+sec1 (stable-security) [security]");

    // The lock still pins 1.0: a locked build keeps installing exactly that.
    assertThat(ingot("rootfs", "spec.json", "-o", "c.tar", "--cache-dir", "cache").exitCode())
        .isZero();
    assertThat(Files.readAllBytes(tmp.resolve("c.tar")))
        .isEqualTo(Files.readAllBytes(tmp.resolve("a.tar")));
  }

  @Test
  void aPinnedFileGoneFromTheMirrorFailsWithAHint() throws Exception {
    assertThat(ingot("lock", "spec.json", "--cache-dir", "cache").exitCode()).isZero();
    Files.delete(fx.repo.resolve("pool/main/lib_1.0_amd64.deb"));
    CliTestSupport.Run r = ingot("rootfs", "spec.json", "-o", "a.tar", "--cache-dir", "fresh");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("no longer has lib 1.0", "run `ingot lock`");
    assertThat(tmp.resolve("a.tar")).doesNotExist();
  }

  @Test
  void aLockForOtherInputsIsRefused() throws Exception {
    assertThat(ingot("lock", "spec.json", "--cache-dir", "cache").exitCode()).isZero();
    Files.writeString(
        tmp.resolve("spec.json"),
        Files.readString(tmp.resolve("spec.json")).replace("\"base\"]", "\"base\", \"lib\"]"));
    CliTestSupport.Run r = ingot("rootfs", "spec.json", "-o", "a.tar", "--cache-dir", "cache");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("was made for other inputs", "ingot lock");
    // For outdated, 1 means "there are updates": a failure says 2 (it said 1 and read as updates).
    CliTestSupport.Run o = ingot("outdated", "spec.json", "--cache-dir", "cache");
    assertThat(o.exitCode()).as(o.err()).isEqualTo(2);
    assertThat(o.err()).contains("was made for other inputs");
  }

  @Test
  void offlineBuildsUseTheCacheOnly() throws Exception {
    assertThat(ingot("rootfs", "spec.json", "-o", "a.tar", "--cache-dir", "cache").exitCode())
        .isZero();
    fx.close();
    assertThat(
            ingot("rootfs", "spec.json", "-o", "b.tar", "--cache-dir", "cache", "--offline")
                .exitCode())
        .isZero();
    CliTestSupport.Run miss =
        ingot("rootfs", "spec.json", "-o", "c.tar", "--cache-dir", "empty", "--offline");
    assertThat(miss.exitCode()).isEqualTo(1);
    assertThat(miss.err()).contains("offline", "not in the cache");
  }

  @Test
  void outdatedWithoutALockIsAUsageError() {
    CliTestSupport.Run r = ingot("outdated", "spec.json", "--cache-dir", "cache");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("run `ingot lock` first");
  }

  @Test
  void aSpecThatIsNotOneJsonObjectIsAUsageErrorAndNothingIsWritten() throws Exception {
    for (String bad : List.of("[\"libc6\"]", "{\"packages\": [\"a\"]", "{} {}", "{\"a\": }")) {
      Files.writeString(tmp.resolve("bad.json"), bad);
      CliTestSupport.Run r = ingot("rootfs", "bad.json", "-o", "bad.tar", "--cache-dir", "cache");
      assertThat(r.exitCode()).as(bad).isEqualTo(2);
      assertThat(r.err()).as(bad).contains("not a JSON object");
      assertThat(tmp.resolve("bad.tar")).doesNotExist();
    }
    // Numbers arrive as the Config's BigDecimal: a user's uid is read from the JSON spec.
    Files.writeString(
        tmp.resolve("users.json"),
        Files.readString(tmp.resolve("spec.json"))
            .replace("}", ", \"users\": [{\"name\": \"app\", \"uid\": 1000}]}"));
    assertThat(ingot("rootfs", "users.json", "-o", "u.tar", "--cache-dir", "cache").exitCode())
        .isZero();
  }
}
