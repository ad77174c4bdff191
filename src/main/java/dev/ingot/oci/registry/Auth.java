package dev.ingot.oci.registry;

import dev.ingot.oci.model.Json;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registry authentication as the distribution spec's token flow has it: requests go out with what
 * the last challenge asked for (nothing, Basic, or a Bearer token for the request's scope); a 401
 * stores its {@code WWW-Authenticate} challenge and the request is sent once more with fresh
 * authorization. Bearer tokens come from the challenge's realm (GET with Basic credentials, or an
 * OAuth2 refresh-token POST for identity tokens), are cached per scope and fetched again when they
 * expire ({@code expires_in}, default 60 s) or are refused. Thread-safe.
 */
final class Auth {
  private record Token(String value, Instant expires) {}

  private final Transport transport;
  private final String host;
  private final CredentialStore store;
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private volatile Challenge challenge;
  private volatile Credentials credentials;

  Auth(Transport transport, String host, CredentialStore store) {
    this.transport = transport;
    this.host = host;
    this.store = store;
  }

  Transport.Res authorized(Transport.Req r, boolean stream) throws IOException {
    String before = header(r.scope(), false);
    Transport.Res res = transport.exchange(r, before, stream);
    if (res.status() != 401) {
      return res;
    }
    String www = res.header("WWW-Authenticate");
    if (www == null) {
      return res;
    }
    challenge = Challenge.parse(www);
    String after = header(r.scope(), true);
    if (after == null || (after.equals(before) && challenge.scheme().equals("basic"))) {
      return res; // Nothing new to offer: the 401 stands.
    }
    return transport.exchange(r, after, stream);
  }

  private Credentials credentials() throws IOException {
    Credentials c = credentials;
    if (c == null) {
      c = store == null ? Credentials.ANONYMOUS : store.lookup(host);
      credentials = c;
    }
    return c;
  }

  private String header(String scope, boolean fresh) throws IOException {
    Challenge c = challenge;
    if (c == null) {
      return null;
    }
    if (c.scheme().equals("basic")) {
      Credentials cr = credentials();
      if (cr.username() == null) {
        return null;
      }
      String pair = cr.username() + ":" + (cr.password() == null ? "" : cr.password());
      return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
    if (!c.scheme().equals("bearer")) {
      return null;
    }
    String sc = scope != null ? scope : c.param("scope");
    String key = sc == null ? "" : sc;
    Token t = fresh ? null : cached(key);
    if (t == null) {
      // Parallel transfers wanting the same scope wait for one token request.
      synchronized (locks.computeIfAbsent(key, k -> new Object())) {
        t = fresh ? null : cached(key);
        if (t == null) {
          t = fetch(c, sc);
          tokens.put(key, t);
        }
      }
    }
    return "Bearer " + t.value();
  }

  /**
   * A live token asked for {@code key}, or for scopes that include it (a push token serves the
   * pulls of the same push), so that one push needs one token and not one per kind of request.
   */
  private Token cached(String key) {
    Instant now = Instant.now();
    Token t = tokens.get(key);
    if (t != null && now.isBefore(t.expires())) {
      return t;
    }
    for (Map.Entry<String, Token> e : tokens.entrySet()) {
      if (now.isBefore(e.getValue().expires()) && covers(e.getKey(), key)) {
        return e.getValue();
      }
    }
    return null;
  }

  /**
   * {@code scopes} with each scope's actions sorted ({@code pull,push}): registries echo actions in
   * their own map order, which varies from request to request.
   */
  static String canonical(String scopes) {
    List<String> out = new java.util.ArrayList<>();
    for (String s : scopes.split(" ")) {
      int at = s.lastIndexOf(':');
      if (at <= 0) {
        out.add(s);
        continue;
      }
      List<String> actions = new java.util.ArrayList<>(List.of(s.substring(at + 1).split(",")));
      java.util.Collections.sort(actions);
      out.add(s.substring(0, at + 1) + String.join(",", actions));
    }
    return String.join(" ", out);
  }

  /** Whether every {@code type:name:actions} scope in {@code want} is asked for in {@code have}. */
  static boolean covers(String have, String want) {
    if (want.isEmpty()) {
      return false;
    }
    Map<String, Set<String>> asked = new java.util.HashMap<>();
    for (String s : have.split(" ")) {
      int at = s.lastIndexOf(':');
      if (at > 0) {
        asked
            .computeIfAbsent(s.substring(0, at), k -> new java.util.HashSet<>())
            .addAll(List.of(s.substring(at + 1).split(",")));
      }
    }
    for (String s : want.split(" ")) {
      int at = s.lastIndexOf(':');
      if (at <= 0
          || !asked
              .getOrDefault(s.substring(0, at), Set.of())
              .containsAll(List.of(s.substring(at + 1).split(",")))) {
        return false;
      }
    }
    return true;
  }

  private Token fetch(Challenge c, String scope) throws IOException {
    String realm = c.param("realm");
    if (realm == null) {
      throw new IOException("registry " + host + " asked for a token but named no realm");
    }
    StringBuilder q = new StringBuilder();
    if (c.param("service") != null) {
      q.append("service=").append(enc(c.param("service")));
    }
    if (scope != null) {
      for (String s : scope.split(" ")) {
        q.append(q.isEmpty() ? "" : "&").append("scope=").append(enc(s));
      }
    }
    Credentials cr = credentials();
    Transport.Res res;
    if (cr.identityToken() != null) {
      String form =
          q
              + (q.isEmpty() ? "" : "&")
              + "grant_type=refresh_token&client_id=ingot&refresh_token="
              + enc(cr.identityToken());
      res =
          transport.exchange(
              new Transport.Req(
                  "POST",
                  realm,
                  Map.of("Content-Type", "application/x-www-form-urlencoded"),
                  new Body.Bytes(form.getBytes(StandardCharsets.UTF_8)),
                  Set.of(200),
                  null,
                  false,
                  "token request to " + realm),
              null,
              false);
    } else {
      String url = realm + (q.isEmpty() ? "" : (realm.contains("?") ? "&" : "?") + q);
      String basic = null;
      if (cr.username() != null) {
        String pair = cr.username() + ":" + (cr.password() == null ? "" : cr.password());
        basic =
            "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
      }
      res =
          transport.exchange(
              new Transport.Req(
                  "GET", url, Map.of(), null, Set.of(200), null, true, "token request to " + realm),
              basic,
              false);
    }
    if (res.status() != 200) {
      throw new RegistryException(
          "token request to " + realm + (scope == null ? "" : " for " + scope),
          res.status(),
          RegistryError.parse(Transport.text(res)));
    }
    Map<String, Object> m = Json.object(Transport.text(res));
    Object tok = m.get("token") != null ? m.get("token") : m.get("access_token");
    if (!(tok instanceof String s) || s.isEmpty()) {
      throw new IOException("token server " + realm + " returned no token");
    }
    // Renewed a little early (at most 5 s, half of a short lifetime) so it does not lapse in
    // flight.
    long ttl = m.get("expires_in") instanceof Number n ? Math.max(n.longValue(), 1) : 60;
    return new Token(s, Instant.now().plusMillis(ttl * 1000 - Math.min(5000, ttl * 500)));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Scopes for pushing to {@code repo}, plus pulling from {@code from} for mounts. */
  static String pushScope(String repo, List<String> from) {
    StringBuilder b = new StringBuilder("repository:" + repo + ":pull,push");
    from.forEach(f -> b.append(" repository:").append(f).append(":pull"));
    return b.toString();
  }

  static String pullScope(String repo) {
    return "repository:" + repo + ":pull";
  }
}
