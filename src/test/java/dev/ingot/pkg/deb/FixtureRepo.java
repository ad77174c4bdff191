package dev.ingot.pkg.deb;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A signed Debian repository made by the real tools (dpkg-deb, apt-ftparchive, gpg with a key
 * generated here), served over HTTP on loopback. Tests describe packages, build the repository, and
 * may tamper with any file afterwards. Close to stop the server.
 */
public final class FixtureRepo implements AutoCloseable {
  /** A package to build: control fields beyond Package/Version/Architecture, and its files. */
  public record Pkg(
      String name,
      String version,
      String arch,
      Map<String, String> fields,
      Map<String, String> files) {
    public static Pkg of(String name, String version) {
      return new Pkg(name, version, "amd64", new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    public Pkg with(String field, String value) {
      fields.put(field, value);
      return this;
    }

    public Pkg file(String path, String content) {
      files.put(path, content);
      return this;
    }

    public Pkg arch(String a) {
      return new Pkg(name, version, a, fields, files);
    }
  }

  public final Path root;
  public final Path repo;
  public final Path gnupg;
  public final Path keyring;
  public final AtomicInteger requests = new AtomicInteger();
  private HttpServer server;

  public FixtureRepo(Path root) throws Exception {
    this.root = root;
    this.repo = root.resolve("repo");
    this.gnupg = root.resolve("gnupg");
    Files.createDirectories(repo.resolve("pool/main"));
    Files.createDirectories(gnupg);
    Files.setPosixFilePermissions(
        gnupg, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    this.keyring = root.resolve("keyring.gpg");
    genKey(gnupg, keyring, "Ingot Test Archive <archive@ingot.invalid>");
  }

  /** Generates a signing key in {@code home} and exports its public part to {@code out}. */
  public static void genKey(Path home, Path out, String uid) throws Exception {
    run(
        home.getParent(),
        Map.of("GNUPGHOME", home.toString()),
        "gpg",
        "--batch",
        "--pinentry-mode",
        "loopback",
        "--passphrase",
        "",
        "--quick-gen-key",
        uid,
        "ed25519",
        "sign",
        "never");
    byte[] key =
        runBytes(
            home.getParent(), Map.of("GNUPGHOME", home.toString()), "gpg", "--batch", "--export");
    Files.write(out, key);
  }

  /** Builds the packages into the pool (dpkg-deb) with the given data compression. */
  public Path build(Pkg p, String compression) throws Exception {
    Path dir = root.resolve("src").resolve(p.name() + "_" + p.version().replace(':', '%'));
    Files.createDirectories(dir.resolve("DEBIAN"));
    StringBuilder c = new StringBuilder();
    c.append("Package: ").append(p.name()).append('\n');
    c.append("Version: ").append(p.version()).append('\n');
    c.append("Architecture: ").append(p.arch()).append('\n');
    c.append("Maintainer: Ingot Tests <tests@ingot.invalid>\n");
    boolean hasDesc = false;
    for (Map.Entry<String, String> e : p.fields().entrySet()) {
      if (e.getKey().startsWith("DEBIAN/")) {
        Path f = dir.resolve(e.getKey());
        Files.writeString(f, e.getValue());
        if (!e.getKey().endsWith("conffiles")
            && !e.getKey().endsWith("triggers")
            && !e.getKey().endsWith("md5sums")) {
          Files.setPosixFilePermissions(
              f, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        continue;
      }
      hasDesc |= e.getKey().equals("Description");
      c.append(e.getKey()).append(": ").append(e.getValue()).append('\n');
    }
    if (!hasDesc) {
      c.append("Description: test package ")
          .append(p.name())
          .append("\n fixture for Ingot tests\n");
    }
    Files.writeString(dir.resolve("DEBIAN/control"), c.toString());
    for (Map.Entry<String, String> f : p.files().entrySet()) {
      Path t = dir.resolve(f.getKey());
      Files.createDirectories(t.getParent());
      if (f.getValue().startsWith("->")) {
        Files.createSymbolicLink(t, Path.of(f.getValue().substring(2)));
      } else {
        Files.writeString(t, f.getValue());
      }
    }
    Path out =
        repo.resolve("pool/main")
            .resolve(p.name() + "_" + p.version().replace(':', '%') + "_" + p.arch() + ".deb");
    run(
        root,
        Map.of("SOURCE_DATE_EPOCH", "1700000000"),
        "dpkg-deb",
        "--root-owner-group",
        "-Z" + compression,
        "--build",
        dir.toString(),
        out.toString());
    return out;
  }

  /** Writes dists/&lt;suite&gt;/ with Packages(.xz/.gz), Release, InRelease and Release.gpg. */
  public void publish(String suite, List<Pkg> pkgs) throws Exception {
    List<String> names = new ArrayList<>();
    for (Pkg p : pkgs) {
      names.add(repo.relativize(build(p, "xz")).toString());
    }
    Path dist = repo.resolve("dists").resolve(suite);
    Path bin = dist.resolve("main/binary-amd64");
    Files.createDirectories(bin);
    Path poolList = root.resolve(suite + ".files");
    Files.write(poolList, names);
    byte[] packages = runBytes(repo, Map.of(), "apt-ftparchive", "packages", "pool/main");
    // apt-ftparchive scans the whole pool; keep only this suite's packages.
    String text = filter(new String(packages, StandardCharsets.UTF_8), names);
    Files.writeString(bin.resolve("Packages"), text);
    run(bin, Map.of(), "sh", "-c", "xz -f -k -T1 Packages && gzip -f -k -n Packages");
    sign(suite, "");
  }

  private static String filter(String packages, List<String> files) {
    StringBuilder out = new StringBuilder();
    for (String stanza : packages.split("\n\n")) {
      for (String f : files) {
        if (stanza.contains("\nFilename: " + f + "\n")) {
          out.append(stanza.strip()).append("\n\n");
        }
      }
    }
    return out.toString();
  }

  /** (Re)writes Release from the index files and signs it; {@code extra} adds header lines. */
  public void sign(String suite, String extra) throws Exception {
    Path dist = repo.resolve("dists").resolve(suite);
    Files.deleteIfExists(dist.resolve("Release"));
    Files.deleteIfExists(dist.resolve("InRelease"));
    Files.deleteIfExists(dist.resolve("Release.gpg"));
    byte[] rel =
        runBytes(
            dist,
            Map.of(),
            "apt-ftparchive",
            "-o",
            "APT::FTPArchive::Release::Suite=" + suite,
            "-o",
            "APT::FTPArchive::Release::Codename=" + suite,
            "-o",
            "APT::FTPArchive::Release::Components=main",
            "-o",
            "APT::FTPArchive::Release::Architectures=amd64",
            "release",
            ".");
    Files.write(
        dist.resolve("Release"),
        (extra + new String(rel, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    resign(suite);
  }

  /** Signs the current Release again (after a test edited it). */
  public void resign(String suite) throws Exception {
    Path dist = repo.resolve("dists").resolve(suite);
    Files.deleteIfExists(dist.resolve("InRelease"));
    Files.deleteIfExists(dist.resolve("Release.gpg"));
    Map<String, String> env = Map.of("GNUPGHOME", gnupg.toString());
    run(dist, env, "gpg", "--batch", "--yes", "--clearsign", "-o", "InRelease", "Release");
    run(dist, env, "gpg", "--batch", "--yes", "-abs", "-o", "Release.gpg", "Release");
  }

  /** Starts serving the repository on a free loopback port; returns its base URI. */
  public URI serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        ex -> {
          requests.incrementAndGet();
          Path f = repo.resolve(ex.getRequestURI().getPath().substring(1)).normalize();
          try (ex) {
            if (!f.startsWith(repo) || !Files.isRegularFile(f)) {
              ex.sendResponseHeaders(404, -1);
              return;
            }
            byte[] body = Files.readAllBytes(f);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream o = ex.getResponseBody()) {
              o.write(body);
            }
          }
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    }
  }

  static void run(Path dir, Map<String, String> env, String... cmd) throws Exception {
    runBytes(dir, env, cmd);
  }

  static byte[] runBytes(Path dir, Map<String, String> env, String... cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().putAll(env);
    Path err = Files.createTempFile("fixture", ".err");
    pb.redirectError(err.toFile());
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    int rc = p.waitFor();
    String e = Files.readString(err);
    Files.delete(err);
    if (rc != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed (" + rc + "): " + e);
    }
    return out;
  }
}
