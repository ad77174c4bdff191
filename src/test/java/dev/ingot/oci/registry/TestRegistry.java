package dev.ingot.oci.registry;

import static dev.ingot.oci.OciTestSupport.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's docker-registry (distribution 2.8) on a random loopback port, in one of three modes:
 * plain HTTP, TLS with a CA made for the test, or TLS plus htpasswd (bcrypt) Basic auth. Stopped by
 * {@link #close}.
 */
public final class TestRegistry implements AutoCloseable {
  public enum Mode {
    PLAIN,
    TLS,
    BASIC_AUTH
  }

  static final String USER = "ingot";
  static final String PASSWORD = "s3cret-pass";

  private final Process process;
  public final int port;
  public final Path caFile;
  final Path dir;

  private TestRegistry(Process process, int port, Path caFile, Path dir) {
    this.process = process;
    this.port = port;
    this.caFile = caFile;
    this.dir = dir;
  }

  public String host() {
    return "127.0.0.1:" + port;
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  public static TestRegistry start(Path dir, Mode mode) throws Exception {
    return start(dir, mode, null);
  }

  /**
   * Plain HTTP with {@code auth: token}: the registry sends clients to {@code tokens} for Bearer
   * tokens and checks their signatures against its certificate.
   */
  static TestRegistry withTokenAuth(Path dir, TokenServer tokens) throws Exception {
    return start(dir, Mode.PLAIN, tokens);
  }

  private static TestRegistry start(Path dir, Mode mode, TokenServer tokens) throws Exception {
    Files.createDirectories(dir);
    int port = freePort();
    StringBuilder yml = new StringBuilder();
    yml.append("version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\n");
    yml.append("storage:\n  filesystem:\n    rootdirectory: ")
        .append(dir.resolve("data"))
        .append('\n');
    yml.append("  delete:\n    enabled: true\n");
    yml.append("http:\n  addr: 127.0.0.1:").append(port).append('\n');
    Path ca = null;
    if (mode != Mode.PLAIN) {
      ca = certificates(dir);
      yml.append("  tls:\n    certificate: ").append(dir.resolve("srv.crt")).append('\n');
      yml.append("    key: ").append(dir.resolve("srv.key")).append('\n');
    }
    if (mode == Mode.BASIC_AUTH) {
      Path htpasswd = dir.resolve("htpasswd");
      Files.writeString(htpasswd, run("htpasswd", "-Bbn", USER, PASSWORD) + "\n");
      yml.append("auth:\n  htpasswd:\n    realm: ingot-test\n    path: ")
          .append(htpasswd)
          .append('\n');
    }
    if (tokens != null) {
      yml.append("auth:\n  token:\n    realm: ").append(tokens.realm()).append('\n');
      yml.append("    service: ").append(TokenServer.SERVICE).append('\n');
      yml.append("    issuer: ").append(TokenServer.ISSUER).append('\n');
      yml.append("    rootcertbundle: ").append(tokens.certFile).append('\n');
    }
    Path config = dir.resolve("config.yml");
    Files.writeString(config, yml);
    Process p =
        new ProcessBuilder("docker-registry", "serve", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("registry.log").toFile())
            .start();
    TestRegistry r = new TestRegistry(p, port, ca, dir);
    r.awaitListening();
    return r;
  }

  /** A CA and a server certificate for 127.0.0.1 signed by it (EC keys: quick to make). */
  private static Path certificates(Path dir) throws Exception {
    String d = dir.toString();
    run(
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        d + "/ca.key",
        "-out",
        d + "/ca.crt",
        "-days",
        "2",
        "-subj",
        "/CN=ingot-test-ca");
    run(
        "openssl",
        "req",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        d + "/srv.key",
        "-out",
        d + "/srv.csr",
        "-subj",
        "/CN=127.0.0.1");
    Files.writeString(dir.resolve("ext.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
    run(
        "openssl",
        "x509",
        "-req",
        "-in",
        d + "/srv.csr",
        "-CA",
        d + "/ca.crt",
        "-CAkey",
        d + "/ca.key",
        "-CAcreateserial",
        "-out",
        d + "/srv.crt",
        "-days",
        "2",
        "-extfile",
        d + "/ext.cnf");
    return dir.resolve("ca.crt");
  }

  private void awaitListening() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "docker-registry exited: " + Files.readString(dir.resolve("registry.log")));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("docker-registry did not listen on " + port);
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
