package dev.ingot.oci.registry;

import dev.ingot.oci.model.Json;
import dev.ingot.plugin.ProcessRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Registry credentials from the files docker and podman use: {@code REGISTRY_AUTH_FILE} first, then
 * {@code $DOCKER_CONFIG/config.json} (default {@code ~/.docker/config.json}). In each file a {@code
 * credHelpers} entry for the host wins, then {@code auths} ({@code auth} as base64 user:password,
 * or {@code username}/{@code password}, or {@code identitytoken}), then the {@code credsStore}
 * helper. Helpers are the {@code docker-credential-<name>} programs, run through the {@link
 * ProcessRunner} with the server name on stdin. Thread-safe (files are read per lookup).
 */
public final class CredentialStore {
  private final List<Path> files;
  private final ProcessRunner processes;

  public CredentialStore(List<Path> files, ProcessRunner processes) {
    this.files = List.copyOf(files);
    this.processes = processes;
  }

  /** The files to consult given the process environment (as the CLI read it). */
  public static CredentialStore fromEnv(Map<String, String> env, ProcessRunner processes) {
    List<Path> files = new ArrayList<>();
    String authFile = env.get("REGISTRY_AUTH_FILE");
    if (authFile != null && !authFile.isBlank()) {
      files.add(Path.of(authFile));
    }
    String dockerConfig = env.get("DOCKER_CONFIG");
    if (dockerConfig != null && !dockerConfig.isBlank()) {
      files.add(Path.of(dockerConfig, "config.json"));
    } else if (env.get("HOME") != null) {
      files.add(Path.of(env.get("HOME"), ".docker", "config.json"));
    }
    return new CredentialStore(files, processes);
  }

  /** The credentials for {@code host} ("name[:port]"), anonymous when none are configured. */
  public Credentials lookup(String host) throws IOException {
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        continue;
      }
      Map<String, Object> cfg;
      try {
        cfg = Json.object(Files.readString(f, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new IOException("cannot read registry credentials from " + f + ": " + e.getMessage());
      }
      Object helpers = cfg.get("credHelpers");
      if (helpers instanceof Map<?, ?> h && h.get(host) != null) {
        return helper(String.valueOf(h.get(host)), host);
      }
      Object auths = cfg.get("auths");
      if (auths instanceof Map<?, ?> a) {
        for (Map.Entry<?, ?> e : a.entrySet()) {
          if (normalize(String.valueOf(e.getKey())).equals(host)
              && e.getValue() instanceof Map<?, ?> m) {
            Credentials c = fromAuthEntry(m, f);
            if (c != null) {
              return c;
            }
          }
        }
      }
      if (cfg.get("credsStore") instanceof String store && !store.isBlank()) {
        return helper(store, host);
      }
    }
    return Credentials.ANONYMOUS;
  }

  /** "https://host:5000/v1/" → "host:5000", as docker writes auths keys in several forms. */
  static String normalize(String key) {
    String k = key.replaceFirst("^[a-zA-Z]+://", "");
    int slash = k.indexOf('/');
    return slash < 0 ? k : k.substring(0, slash);
  }

  private static Credentials fromAuthEntry(Map<?, ?> m, Path f) throws IOException {
    if (m.get("identitytoken") instanceof String t && !t.isEmpty()) {
      return new Credentials(null, null, t);
    }
    if (m.get("auth") instanceof String auth && !auth.isEmpty()) {
      String pair;
      try {
        pair = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new IOException("an 'auth' entry in " + f + " is not base64");
      }
      int colon = pair.indexOf(':');
      if (colon < 0) {
        throw new IOException("an 'auth' entry in " + f + " is not user:password");
      }
      return new Credentials(pair.substring(0, colon), pair.substring(colon + 1), null);
    }
    if (m.get("username") instanceof String u && m.get("password") instanceof String p) {
      return new Credentials(u, p, null);
    }
    return null;
  }

  private Credentials helper(String name, String host) throws IOException {
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new IOException("bad credential helper name: " + name);
    }
    // The helper reads the server name on stdin; the shell pipes it in from a positional argument.
    ProcessRunner.Result r =
        processes.run(
            List.of(
                "sh", "-c", "printf %s \"$1\" | docker-credential-\"$2\" get", "sh", host, name));
    String out = String.join("\n", r.output());
    if (!r.ok()) {
      if (out.toLowerCase().contains("credentials not found")) {
        return Credentials.ANONYMOUS;
      }
      throw new IOException(
          "credential helper docker-credential-"
              + name
              + " failed for "
              + host
              + " (exit "
              + r.exitCode()
              + ")");
    }
    int brace = out.indexOf('{');
    if (brace < 0) {
      throw new IOException("credential helper docker-credential-" + name + " printed no JSON");
    }
    Map<String, Object> m = Json.object(out.substring(brace));
    String user = (String) m.get("Username");
    String secret = (String) m.get("Secret");
    if ("<token>".equals(user)) {
      return new Credentials(null, null, secret);
    }
    return new Credentials(user, secret, null);
  }
}
