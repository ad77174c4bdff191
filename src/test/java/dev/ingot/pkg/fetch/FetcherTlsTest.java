package dev.ingot.pkg.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.ingot.fs.Digest;
import dev.ingot.plugin.BuildLog;
import dev.ingot.plugin.Cancellation;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fetcher's TLS context is the JDK default, loaded only when an https URI is used: a server
 * whose certificate no CA signed is refused (nothing permissive stands in for the real trust
 * store), and the lazy context hands out the default one's engines and factories.
 */
class FetcherTlsTest {
  @TempDir Path tmp;

  @Test
  void anUntrustedHttpsServerIsRefusedAndNothingIsCached() throws Exception {
    Path ks = tmp.resolve("server.p12");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-keystore",
                ks.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit",
                "-alias",
                "s",
                "-keyalg",
                "EC",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(ks)) {
      store.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, "changeit".toCharArray());
    SSLContext server = SSLContext.getInstance("TLS");
    server.init(kmf.getKeyManagers(), null, null);
    byte[] body = "hello".getBytes();
    HttpsServer s =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    s.setHttpsConfigurator(new HttpsConfigurator(server));
    s.createContext(
        "/f",
        ex -> {
          try (ex;
              OutputStream o = ex.getResponseBody()) {
            ex.sendResponseHeaders(200, body.length);
            o.write(body);
          }
        });
    s.start();
    try {
      Fetcher f =
          new Fetcher(
              new Fetcher.Options(tmp.resolve("cache"), false, 2, 0, Duration.ofMillis(1)),
              BuildLog.NONE,
              new Cancellation());
      URI u = URI.create("https://127.0.0.1:" + s.getAddress().getPort() + "/f");
      assertThatThrownBy(() -> f.fetch(new Fetcher.Request(u, Digest.sha256(body), body.length)))
          .isInstanceOf(FetchException.class)
          .satisfies(
              e ->
                  assertThat(causes(e))
                      .anyMatch(c -> c instanceof javax.net.ssl.SSLHandshakeException));
      assertThat(Files.exists(f.cached(Digest.sha256(body)))).isFalse();
    } finally {
      s.stop(0);
    }
  }

  @Test
  void theLazyContextIsTheDefaultOne() throws Exception {
    LazyTls t = new LazyTls();
    assertThat(t.getClientSessionContext())
        .isSameAs(SSLContext.getDefault().getClientSessionContext());
    assertThat(t.createSSLEngine("localhost", 443).getPeerHost()).isEqualTo("localhost");
    assertThatThrownBy(() -> t.init(null, null, null))
        .isInstanceOf(java.security.KeyManagementException.class);
  }

  static List<Throwable> causes(Throwable t) {
    List<Throwable> out = new java.util.ArrayList<>();
    for (Throwable c = t; c != null && !out.contains(c); c = c.getCause()) {
      out.add(c);
    }
    return out;
  }
}
