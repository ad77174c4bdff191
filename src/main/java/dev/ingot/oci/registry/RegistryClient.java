package dev.ingot.oci.registry;

import dev.ingot.fs.BlobStore;
import dev.ingot.fs.Digest;
import dev.ingot.oci.model.ImageIndex;
import dev.ingot.oci.model.Json;
import dev.ingot.oci.model.MediaTypes;
import dev.ingot.plugin.Cancellation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The distribution-spec 1.1 API of one registry host: ping, blobs (exists, mount, monolithic and
 * chunked upload, download with digest check), manifests (put, get with the right Accept list,
 * delete), tag listing and referrers (with the tag-schema fallback). Failures are {@link
 * RegistryException}s carrying the spec's error codes. Thread-safe; one instance per host. Close it
 * when done: that stops the HTTP client's selector thread (a JVM waits for it at exit).
 */
public final class RegistryClient implements AutoCloseable {
  /** A fetched manifest or index: its bytes, media type and digest. */
  public record Fetched(byte[] bytes, String mediaType, Digest digest) {}

  final Transport t;
  private final RegistrySettings settings;
  // The one ping of this client (it learns the registry's auth challenge); set by the first call.
  private final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.FutureTask<Void>>
      ping = new java.util.concurrent.atomic.AtomicReference<>();

  public RegistryClient(
      String host, RegistrySettings settings, CredentialStore creds, Cancellation cancellation)
      throws IOException {
    this.t = new Transport(host, settings, creds, cancellation);
    this.settings = settings;
  }

  public String host() {
    return t.host;
  }

  /** Drops idle connections and stops the HTTP client's threads. */
  @Override
  public void close() {
    t.close();
  }

  RegistrySettings settings() {
    return settings;
  }

  private Transport.Req req(
      String method,
      String target,
      Body body,
      Set<Integer> ok,
      String scope,
      boolean idem,
      String what,
      Map<String, String> headers) {
    return new Transport.Req(method, target, headers, body, ok, scope, idem, what);
  }

  /**
   * GET /v2/: checks the registry answers the v2 API and learns how it wants to be authenticated.
   * Done once per client: later calls (also from other threads) wait for the first one and share
   * its result.
   */
  public void ping() throws IOException {
    if (ping.get() == null) { // the task is made only by a first call
      java.util.concurrent.FutureTask<Void> mine =
          new java.util.concurrent.FutureTask<>(
              () -> {
                t.send(
                    req(
                        "GET",
                        "/v2/",
                        null,
                        Set.of(200, 401),
                        null,
                        true,
                        "ping " + t.host,
                        Map.of()));
                return null;
              });
      if (ping.compareAndSet(null, mine)) {
        mine.run();
      }
    }
    try {
      ping.get().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while pinging " + t.host);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(e.getCause());
    }
  }

  /**
   * Starts {@link #ping} on a background thread, for a caller with other work to do first (a push
   * reading its image); its outcome is reported by the next {@code ping} call.
   */
  public void pingInBackground() {
    Thread.ofVirtual()
        .name("ingot-registry-ping")
        .start(
            () -> {
              try {
                ping();
              } catch (IOException | RuntimeException e) {
                // Reported to whoever calls ping() next; nobody may, if the push stops earlier.
              }
            });
  }

  public boolean blobExists(String repo, Digest d) throws IOException {
    return blobExists(repo, d, Auth.pullScope(repo));
  }

  /** HEAD under {@code scope} (a pusher asks with its push scope: one token serves the push). */
  boolean blobExists(String repo, Digest d, String scope) throws IOException {
    Transport.Res r =
        t.send(
            req(
                "HEAD",
                "/v2/" + repo + "/blobs/" + d,
                null,
                Set.of(200, 404),
                scope,
                true,
                "check blob " + d.hex().substring(0, 12),
                Map.of()));
    return r.status() == 200;
  }

  /**
   * Mounts {@code d} from repository {@code from} of the same registry. Returns true when mounted;
   * false when the registry started a plain upload instead (that session is left to expire).
   */
  public boolean mount(String repo, Digest d, String from) throws IOException {
    Transport.Res r =
        t.send(
            req(
                "POST",
                "/v2/" + repo + "/blobs/uploads/?mount=" + d + "&from=" + from,
                new Body.Bytes(new byte[0]),
                Set.of(201, 202),
                Auth.pushScope(repo, List.of(from)),
                true,
                "mount blob " + d.hex().substring(0, 12) + " from " + from,
                Map.of()));
    return r.status() == 201;
  }

  /**
   * Uploads {@code length} bytes of {@code file} as blob {@code d}: one PUT when small, PATCH
   * chunks of {@link RegistrySettings#chunkSize} when larger than the threshold. A failed chunk is
   * resumed from the offset the registry reports. The whole upload restarts on errors that survive
   * retries, after checking whether the blob arrived after all.
   */
  public void uploadBlob(String repo, Digest d, Path file, long length) throws IOException {
    RegistryException last = null;
    for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
      try {
        new BlobUpload(this, repo, d, file, length).run();
        return;
      } catch (RegistryException e) {
        if (!e.isRetryable()) {
          throw e;
        }
        last = e;
        if (blobExistsQuietly(repo, d)) {
          return;
        }
      }
    }
    throw last;
  }

  private boolean blobExistsQuietly(String repo, Digest d) {
    try {
      return blobExists(repo, d);
    } catch (IOException e) {
      return false;
    }
  }

  /** Downloads blob {@code d} into {@code into}, which checks the digest. */
  public void fetchBlob(String repo, Digest d, BlobStore into) throws IOException {
    RegistryException last = null;
    for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
      Transport.Res r =
          t.send(
              req(
                  "GET",
                  "/v2/" + repo + "/blobs/" + d,
                  null,
                  Set.of(200),
                  Auth.pullScope(repo),
                  true,
                  "download blob " + d.hex().substring(0, 12),
                  Map.of()),
              true);
      try (InputStream in = r.stream()) {
        into.put(in, d);
        return;
      } catch (IOException e) {
        // A dropped connection mid-body or a digest mismatch: download it again.
        last = new RegistryException("download blob " + d, e);
      }
    }
    throw last;
  }

  /** PUTs a manifest; returns the digest the registry reports and whether it indexed a subject. */
  public record Put(Digest digest, boolean subjectIndexed) {}

  public Put putManifest(String repo, String reference, byte[] bytes, String mediaType)
      throws IOException {
    Transport.Res r =
        t.send(
            req(
                "PUT",
                "/v2/" + repo + "/manifests/" + reference,
                new Body.Bytes(bytes),
                Set.of(201),
                Auth.pushScope(repo, List.of()),
                true,
                "put manifest " + repo + ":" + reference,
                Map.of("Content-Type", mediaType)));
    Digest want = Digest.sha256(bytes);
    String got = r.header("Docker-Content-Digest");
    if (got != null && !got.equals(want.toString())) {
      throw new IOException(
          "registry stored manifest " + repo + ":" + reference + " as " + got + ", not " + want);
    }
    return new Put(want, r.header("OCI-Subject") != null);
  }

  /** GETs a manifest or index by tag or digest; a digest reference is verified. */
  public Fetched getManifest(String repo, String reference) throws IOException {
    Transport.Res r =
        t.send(
            req(
                "GET",
                "/v2/" + repo + "/manifests/" + reference,
                null,
                Set.of(200),
                Auth.pullScope(repo),
                true,
                "get manifest " + repo + ":" + reference,
                Map.of("Accept", MediaTypes.ACCEPT_MANIFESTS)));
    Digest d;
    if (reference.startsWith("sha256:") || reference.startsWith("sha512:")) {
      // Checked with the reference's own algorithm; a sha512 one was not checked at all.
      Digest want;
      try {
        want = Digest.parse(reference);
      } catch (IllegalArgumentException e) {
        throw new IOException("manifest " + repo + "@" + reference + ": " + e.getMessage());
      }
      if (!want.matches(r.body())) {
        throw new IOException("manifest " + repo + "@" + reference + " does not match its digest");
      }
      d = want;
    } else {
      d = Digest.sha256(r.body()); // a tag: the manifest is named by what came
    }
    String mt = ImageIndex.declaredMediaType(r.body());
    if (mt == null) {
      mt = r.header("Content-Type");
    }
    return new Fetched(r.body(), mt, d);
  }

  public void deleteManifest(String repo, Digest d) throws IOException {
    t.send(
        req(
            "DELETE",
            "/v2/" + repo + "/manifests/" + d,
            null,
            Set.of(202),
            "repository:" + repo + ":delete",
            true,
            "delete manifest " + repo + "@" + d,
            Map.of()));
  }

  /** All tags of {@code repo}, following pagination. */
  @SuppressWarnings("unchecked")
  public List<String> tags(String repo) throws IOException {
    List<String> out = new ArrayList<>();
    String next = "/v2/" + repo + "/tags/list?n=1000";
    while (next != null) {
      Transport.Res r =
          t.send(
              req(
                  "GET",
                  next,
                  null,
                  Set.of(200),
                  Auth.pullScope(repo),
                  true,
                  "list tags of " + repo,
                  Map.of()));
      Object tags = Json.object(Transport.text(r)).get("tags");
      if (tags instanceof List<?> l) {
        ((List<Object>) l).forEach(x -> out.add(String.valueOf(x)));
      }
      next = nextLink(r.header("Link"));
    }
    return out;
  }

  static String nextLink(String link) {
    if (link == null || !link.contains("rel=\"next\"")) {
      return null;
    }
    int a = link.indexOf('<');
    int b = link.indexOf('>');
    return a >= 0 && b > a ? link.substring(a + 1, b) : null;
  }

  /**
   * The referrers of {@code subject}: the referrers API when the registry has it, else the
   * tag-schema fallback (an index tagged {@code sha256-<hex>}). Filtered by {@code artifactType}
   * when not null.
   */
  public ImageIndex referrers(String repo, Digest subject, String artifactType) throws IOException {
    String q =
        artifactType == null
            ? ""
            : "?artifactType=" + URLEncoder.encode(artifactType, StandardCharsets.UTF_8);
    Transport.Res r =
        t.send(
            req(
                "GET",
                "/v2/" + repo + "/referrers/" + subject + q,
                null,
                Set.of(200, 404),
                Auth.pullScope(repo),
                true,
                "list referrers of " + subject,
                Map.of()));
    ImageIndex idx;
    if (r.status() == 200
        && r.header("Content-Type") != null
        && r.header("Content-Type").startsWith(MediaTypes.OCI_INDEX)) {
      idx = ImageIndex.parse(r.body(), MediaTypes.OCI_INDEX);
    } else {
      idx = fallbackIndex(repo, subject);
    }
    if (artifactType == null) {
      return idx;
    }
    return ImageIndex.oci(
        idx.manifests().stream().filter(d -> artifactType.equals(d.artifactType())).toList());
  }

  /** The tag-schema fallback index for {@code subject} (empty when there is none). */
  ImageIndex fallbackIndex(String repo, Digest subject) throws IOException {
    try {
      Fetched f = getManifest(repo, fallbackTag(subject));
      return ImageIndex.parse(f.bytes(), MediaTypes.OCI_INDEX);
    } catch (RegistryException e) {
      if (e.status() == 404) {
        return ImageIndex.oci(List.of());
      }
      throw e;
    }
  }

  static String fallbackTag(Digest subject) {
    return subject.algorithm() + "-" + subject.hex();
  }
}
