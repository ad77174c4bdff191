package dev.ingot.oci.registry;

import dev.ingot.plugin.Cancellation;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HTTP to one registry: scheme choice (https, or http for an insecure loopback registry), TLS,
 * authentication ({@link Auth}), per-request timeouts and retries with exponential backoff on
 * connection failures, 429 and 5xx for idempotent requests. Thread-safe.
 */
final class Transport {
  /** A request: method, path under the registry (or an absolute URL), headers, body. */
  record Req(
      String method,
      String target,
      Map<String, String> headers,
      Body body,
      Set<Integer> ok,
      String scope,
      boolean idempotent,
      String what) {}

  /** A response with its body read into memory (or open, for streams). */
  record Res(int status, java.net.http.HttpHeaders headers, byte[] body, InputStream stream) {
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  final String host;
  final URI base;
  private final HttpClient http;
  private final RegistrySettings settings;
  private final Auth auth;
  private final Cancellation cancellation;

  Transport(String host, RegistrySettings settings, CredentialStore creds, Cancellation c)
      throws IOException {
    this.host = host;
    this.settings = settings;
    this.cancellation = c;
    boolean plain = false;
    if (settings.insecure()) {
      if (!isLoopback(host)) {
        throw new IOException(
            "insecure (plain HTTP) is allowed only for a registry on loopback, not "
                + host
                + "; give it a CA file (ca_file) instead");
      }
      plain = true;
    }
    this.base = URI.create((plain ? "http://" : "https://") + host);
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL);
    if (plain) {
      b.sslContext(Tls.none()).sslParameters(new javax.net.ssl.SSLParameters());
    } else if (settings.caFile() != null) {
      b.sslContext(Tls.withCa(settings.caFile()));
    }
    this.http = b.build();
    this.auth = new Auth(this, host, creds);
  }

  static boolean isLoopback(String host) {
    String h =
        host.startsWith("[")
            ? host.substring(1, host.indexOf(']'))
            : host.replaceFirst(":\\d+$", "");
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }

  URI uri(String target) {
    return target.startsWith("http://") || target.startsWith("https://")
        ? URI.create(target)
        : base.resolve(target);
  }

  Res send(Req r) throws IOException {
    return send(r, false);
  }

  /** Sends with retries; with {@code stream} a 2xx response body is left open to read. */
  Res send(Req r, boolean stream) throws IOException {
    RegistryException last = null;
    for (int attempt = 1; attempt <= (r.idempotent() ? settings.attempts() : 1); attempt++) {
      cancellation.check();
      if (attempt > 1) {
        pause(attempt, last);
      }
      try {
        Res res = auth.authorized(r, stream);
        if (r.ok().contains(res.status())) {
          return res;
        }
        last =
            new RegistryException(
                r.what(), res.status(), RegistryError.parse(text(res)), denied(res, r.scope()));
        last.retryAfter = res.header("Retry-After");
      } catch (RegistryException e) {
        last = e;
      } catch (IOException e) {
        last = new RegistryException(r.what() + " (" + uri(r.target()).getHost() + ")", e);
      }
      if (!last.isRetryable()) {
        throw last;
      }
    }
    throw last;
  }

  /**
   * What to tell the user when the registry refused a token for lacking a scope ({@code
   * error="insufficient_scope"}): the credentials are right but may not do this; null otherwise.
   */
  private String denied(Res res, String scope) {
    String www = res.status() == 401 ? res.header("WWW-Authenticate") : null;
    if (www == null) {
      return null;
    }
    Challenge c = Challenge.parse(www);
    if (!"insufficient_scope".equals(c.param("error"))) {
      return null;
    }
    String wanted = Auth.canonical(c.param("scope") != null ? c.param("scope") : scope);
    return "access denied: the token server did not grant "
        + wanted
        + "; the credentials for "
        + host
        + " lack that permission (ask for it, or push to a repository they may write)";
  }

  /** The largest body read into memory: manifests, indexes, tokens and error documents. */
  private static final int MAX_BODY = 4 << 20;

  /** One exchange without retries or auth handling; the body is read unless streaming a 2xx. */
  Res exchange(Req r, String authorization, boolean stream) throws IOException {
    long extra = r.body() == null ? 0 : r.body().length() >> 20;
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(r.target()))
            .timeout(settings.timeout().plusSeconds(extra))
            .method(r.method(), Body.publisher(r.body()));
    r.headers().forEach(b::header);
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    try {
      HttpResponse<InputStream> res =
          http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      if (stream && res.statusCode() / 100 == 2) {
        return new Res(res.statusCode(), res.headers(), null, res.body());
      }
      try (InputStream in = res.body()) {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
          // Cut at the limit, a manifest got the digest of its first 4 MiB, with exit 0.
          throw new IOException(
              r.method()
                  + " "
                  + uri(r.target())
                  + ": the response is larger than "
                  + (MAX_BODY >> 20)
                  + " MiB, more than a manifest or an error may be (skopeo has the same limit)");
        }
        return new Res(res.statusCode(), res.headers(), body, null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Cancellation.CancelledException();
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  static String text(Res r) {
    return r.body() == null ? "" : new String(r.body(), StandardCharsets.UTF_8);
  }

  private void pause(int attempt, RegistryException last) {
    long ms = settings.backoff().toMillis() << Math.min(attempt - 2, 6);
    if (last != null && last.retryAfter != null && last.retryAfter.matches("\\d{1,3}")) {
      ms = Math.max(ms, Long.parseLong(last.retryAfter) * 1000);
    }
    ms = Math.min(ms, 10_000);
    try {
      Thread.sleep(ms + (long) (Math.random() * ms / 4));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Cancellation.CancelledException();
    }
  }

  /** Stops the client's selector thread; idle connections are closed. */
  void close() {
    http.shutdownNow();
    try {
      http.awaitTermination(Duration.ofSeconds(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  List<String> headerValues(Res r, String name) {
    return r.headers().allValues(name);
  }
}
