package dev.ingot.oci.registry;

import static dev.ingot.oci.OciTestSupport.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A token endpoint for docker-registry's {@code auth: token} mode, on a random loopback port: it
 * takes Basic credentials, grants each requested {@code repository:NAME:ACTIONS} scope the actions
 * the user may have, and answers with a JWT signed (RS256) by a key whose self-signed certificate
 * is the registry's {@code rootcertbundle} (sent in the {@code x5c} header, which the registry
 * checks against it). Token lifetimes can be set per test. Stopped by {@link #close}.
 */
final class TokenServer implements AutoCloseable {
  static final String SERVICE = "ingot-test-registry";
  static final String ISSUER = "ingot-test-issuer";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A user: password and the actions it may have on every repository. */
  record User(String password, Set<String> actions) {}

  final Path certFile;

  /** The scope parameters of each token request, in order. */
  final List<List<String>> requests = new CopyOnWriteArrayList<>();

  /** The {@code expires_in} the server reports, in seconds. */
  volatile long expiresIn = 300;

  /** Seconds from now to the JWT's {@code exp}; negative makes tokens the registry refuses. */
  volatile long lifetime = 300;

  private final Map<String, User> users;
  private final PrivateKey key;
  private final String x5c;
  private final HttpServer http;

  private TokenServer(Path certFile, PrivateKey key, String x5c, Map<String, User> users)
      throws IOException {
    this.certFile = certFile;
    this.key = key;
    this.x5c = x5c;
    this.users = Map.copyOf(users);
    this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/token", this::handle);
    http.start();
  }

  static TokenServer start(Path dir, Map<String, User> users) throws Exception {
    Files.createDirectories(dir);
    Path keyFile = dir.resolve("token.key");
    Path certFile = dir.resolve("token.crt");
    run(
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        keyFile.toString(),
        "-out",
        certFile.toString(),
        "-days",
        "2",
        "-subj",
        "/CN=" + ISSUER);
    String pem = Files.readString(keyFile).replaceAll("-----[A-Z ]+-----|\\s", "");
    PrivateKey key =
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    byte[] der;
    try (var in = Files.newInputStream(certFile)) {
      der = CertificateFactory.getInstance("X.509").generateCertificate(in).getEncoded();
    }
    return new TokenServer(certFile, key, Base64.getEncoder().encodeToString(der), users);
  }

  String realm() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/token";
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      Map<String, List<String>> q = query(ex.getRequestURI().getRawQuery());
      String user = user(ex.getRequestHeaders().getFirst("Authorization"));
      if (user == null) {
        reply(
            ex,
            401,
            Map.of(
                "errors", List.of(Map.of("code", "UNAUTHORIZED", "message", "bad credentials"))));
        return;
      }
      if (!List.of(SERVICE).equals(q.get("service"))) {
        reply(
            ex,
            400,
            Map.of("errors", List.of(Map.of("code", "DENIED", "message", "unknown service"))));
        return;
      }
      List<String> scopes = q.getOrDefault("scope", List.of());
      requests.add(scopes);
      List<Map<String, Object>> access = new ArrayList<>();
      for (String s : scopes) {
        String[] p = s.split(":");
        List<String> granted = new ArrayList<>();
        for (String a : p[p.length - 1].split(",")) {
          if (users.get(user).actions().contains(a)) {
            granted.add(a);
          }
        }
        String name = s.substring(p[0].length() + 1, s.lastIndexOf(':'));
        access.add(Map.of("type", p[0], "name", name, "actions", granted));
      }
      String jwt = jwt(user, access);
      reply(ex, 200, Map.of("token", jwt, "access_token", jwt, "expires_in", expiresIn));
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  private String jwt(String user, List<Map<String, Object>> access) throws Exception {
    long now = System.currentTimeMillis() / 1000;
    Map<String, Object> header = Map.of("alg", "RS256", "typ", "JWT", "x5c", List.of(x5c));
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", ISSUER);
    claims.put("sub", user);
    claims.put("aud", SERVICE);
    claims.put("exp", now + lifetime);
    claims.put("nbf", Math.min(now, now + lifetime) - 10);
    claims.put("iat", Math.min(now, now + lifetime) - 10);
    claims.put("jti", UUID.randomUUID().toString());
    claims.put("access", access);
    String signed = b64(JSON.writeValueAsBytes(header)) + "." + b64(JSON.writeValueAsBytes(claims));
    Signature sig = Signature.getInstance("SHA256withRSA");
    sig.initSign(key);
    sig.update(signed.getBytes(StandardCharsets.US_ASCII));
    return signed + "." + b64(sig.sign());
  }

  private String user(String authorization) {
    if (authorization == null || !authorization.startsWith("Basic ")) {
      return null;
    }
    String pair =
        new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
    int colon = pair.indexOf(':');
    User u = colon < 0 ? null : users.get(pair.substring(0, colon));
    return u != null && u.password().equals(pair.substring(colon + 1))
        ? pair.substring(0, colon)
        : null;
  }

  private static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> q = new LinkedHashMap<>();
    for (String kv : raw == null ? new String[0] : raw.split("&")) {
      int eq = kv.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
      q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return q;
  }

  private static void reply(HttpExchange ex, int status, Object body) throws IOException {
    byte[] b = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    ex.getResponseBody().write(b);
  }

  private static String b64(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
