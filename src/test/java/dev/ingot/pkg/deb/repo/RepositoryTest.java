package dev.ingot.pkg.deb.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.pkg.deb.BinaryPackage;
import dev.ingot.pkg.deb.FixtureRepo;
import dev.ingot.pkg.deb.FixtureRepo.Pkg;
import dev.ingot.pkg.fetch.FetchException;
import dev.ingot.pkg.fetch.Fetcher;
import dev.ingot.plugin.BuildLog;
import dev.ingot.plugin.Cancellation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trust chain against a repository signed by gpg and indexed by apt-ftparchive, on loopback. */
@Tag("peer")
class RepositoryTest {
  @TempDir Path tmp;
  FixtureRepo fx;
  URI base;

  @BeforeEach
  void setUp() throws Exception {
    fx = new FixtureRepo(tmp.resolve("fx"));
    fx.publish(
        "stable",
        List.of(
            Pkg.of("hello", "1.0-1").with("Depends", "libfoo (>= 1.0)"),
            Pkg.of("libfoo", "1.2-1").with("Provides", "foo-abi-1")));
    base = fx.serve();
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  Repository repo(boolean offline) {
    return new Repository(
        new Fetcher(
            Fetcher.Options.of(tmp.resolve("cache"), offline), BuildLog.NONE, new Cancellation()),
        Instant.now());
  }

  SuiteRef suite(Path keyring) {
    return new SuiteRef(base, "stable", List.of("main"), List.of(keyring));
  }

  @Test
  void readsAVerifiedSuiteAndItsPackages() {
    Repository r = repo(false);
    Repository.Verified v = r.release(suite(fx.keyring));
    List<BinaryPackage> ps = r.packages(v, "main", "amd64");
    assertThat(ps)
        .extracting(BinaryPackage::id)
        .containsExactlyInAnyOrder("hello=1.0-1", "libfoo=1.2-1");
    BinaryPackage hello =
        ps.stream().filter(p -> p.name().equals("hello")).findFirst().orElseThrow();
    assertThat(hello.depends()).isEqualTo("libfoo (>= 1.0)");
    assertThat(hello.uri().toString()).startsWith(base + "/pool/main/hello_1.0-1_amd64.deb");
    assertThat(hello.sha256()).hasSize(64);
  }

  @Test
  void aWarmCacheWorksOffline() {
    Repository r = repo(false);
    r.packages(r.release(suite(fx.keyring)), "main", "amd64");
    fx.close();
    Repository off = repo(true);
    assertThat(off.packages(off.release(suite(fx.keyring)), "main", "amd64")).hasSize(2);
  }

  @Test
  void offlineWithAnEmptyCacheFailsClearly() {
    assertThatThrownBy(() -> repo(true).release(suite(fx.keyring)))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("offline")
        .hasMessageContaining("InRelease");
  }

  @Test
  void armoredKeyringsAreAccepted() throws Exception {
    Path asc = tmp.resolve("key.asc");
    Files.write(asc, runGpg("--armor", "--export"));
    assertThat(repo(false).release(suite(asc)).release().suite()).isEqualTo("stable");
  }

  @Test
  void tamperedInReleaseIsABadSignature() throws Exception {
    Path in = fx.repo.resolve("dists/stable/InRelease");
    Files.writeString(in, Files.readString(in).replace("Suite: stable", "Suite: stab1e"));
    assertThatThrownBy(() -> repo(false).release(suite(fx.keyring)))
        .isInstanceOf(RepositoryException.class)
        .hasMessageContaining("InRelease")
        .hasMessageContaining("BAD signature by key");
  }

  @Test
  void textOutsideTheSignatureIsRefused() throws Exception {
    Path in = fx.repo.resolve("dists/stable/InRelease");
    Files.writeString(in, Files.readString(in) + "SHA256:\n 00 1 evil\n");
    assertThatThrownBy(() -> repo(false).release(suite(fx.keyring)))
        .hasMessageContaining("text after the signature block");
  }

  @Test
  void tamperedPackagesIndexFailsItsChecksum() throws Exception {
    Path xz = fx.repo.resolve("dists/stable/main/binary-amd64/Packages.xz");
    byte[] b = Files.readAllBytes(xz);
    b[b.length / 2] ^= 1;
    Files.write(xz, b);
    Repository r = repo(false);
    Repository.Verified v = r.release(suite(fx.keyring));
    assertThatThrownBy(() -> r.packages(v, "main", "amd64"))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("Packages.xz")
        .hasMessageContaining("checksum mismatch");
  }

  @Test
  void anUnknownKeyIsRefusedNamingTheKey() throws Exception {
    Path other = tmp.resolve("other");
    Files.createDirectories(other.resolve("g"));
    Files.setPosixFilePermissions(
        other.resolve("g"), java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    FixtureRepo.genKey(
        other.resolve("g"), other.resolve("k.gpg"), "Someone Else <x@ingot.invalid>");
    assertThatThrownBy(() -> repo(false).release(suite(other.resolve("k.gpg"))))
        .isInstanceOf(RepositoryException.class)
        .hasMessageContaining("no signature by a trusted key")
        .hasMessageContaining("InRelease")
        .hasMessageMatching("(?s).*signed by [0-9A-F]{16}.*");
  }

  @Test
  void anExpiredReleaseIsRefused() throws Exception {
    fx.sign("stable", "Valid-Until: Sat, 01 Jan 2000 00:00:00 UTC\n");
    assertThatThrownBy(() -> repo(false).release(suite(fx.keyring)))
        .isInstanceOf(RepositoryException.class)
        .hasMessageContaining("expired")
        .hasMessageContaining("Valid-Until");
  }

  @Test
  void releasePlusDetachedSignatureWorks() throws Exception {
    Files.delete(fx.repo.resolve("dists/stable/InRelease"));
    assertThat(repo(false).release(suite(fx.keyring)).release().codename()).isEqualTo("stable");
  }

  @Test
  void aMissingSignatureIsRefused() throws Exception {
    Files.delete(fx.repo.resolve("dists/stable/InRelease"));
    Files.delete(fx.repo.resolve("dists/stable/Release.gpg"));
    assertThatThrownBy(() -> repo(false).release(suite(fx.keyring)))
        .isInstanceOf(RepositoryException.class)
        .hasMessageContaining("not signed");
  }

  @Test
  void tamperedDetachedReleaseIsABadSignature() throws Exception {
    Files.delete(fx.repo.resolve("dists/stable/InRelease"));
    Path rel = fx.repo.resolve("dists/stable/Release");
    Files.writeString(rel, Files.readString(rel, StandardCharsets.UTF_8) + " ");
    assertThatThrownBy(() -> repo(false).release(suite(fx.keyring)))
        .hasMessageContaining("Release.gpg")
        .hasMessageContaining("BAD signature");
  }

  @Test
  void aMissingSuiteSaysSo() {
    SuiteRef s = new SuiteRef(base, "nosuch", List.of("main"), List.of(fx.keyring));
    assertThatThrownBy(() -> repo(false).release(s))
        .isInstanceOf(RepositoryException.class)
        .hasMessageContaining("suite 'nosuch' not found");
  }

  private byte[] runGpg(String... args) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(new java.util.ArrayList<>(List.of("gpg", "--batch")));
    pb.command().addAll(List.of(args));
    pb.environment().putAll(Map.of("GNUPGHOME", fx.gnupg.toString()));
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isZero();
    return out;
  }
}
