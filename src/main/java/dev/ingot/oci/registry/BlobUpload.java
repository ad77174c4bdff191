package dev.ingot.oci.registry;

import dev.ingot.fs.Digest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One blob upload session: POST to open it, then a single PUT with the content, or PATCH chunks and
 * a closing PUT. A failed PATCH is not repeated blindly (it is not idempotent): the session's
 * status (GET, its Range header) says how much arrived and the upload goes on from there. Not
 * thread-safe; one per upload.
 */
final class BlobUpload {
  private static final int MAX_RESUMES = 20;
  private final RegistryClient c;
  private final String repo;
  private final Digest digest;
  private final Path file;
  private final long length;
  private final String scope;
  private String location;

  BlobUpload(RegistryClient c, String repo, Digest digest, Path file, long length) {
    this.c = c;
    this.repo = repo;
    this.digest = digest;
    this.file = file;
    this.length = length;
    this.scope = Auth.pushScope(repo, List.of());
  }

  void run() throws IOException {
    Transport.Res r =
        c.t.send(
            new Transport.Req(
                "POST",
                "/v2/" + repo + "/blobs/uploads/",
                Map.of(),
                new Body.Bytes(new byte[0]),
                Set.of(202),
                scope,
                true,
                "start upload of " + short12() + " to " + repo));
    location = location(r);
    if (length <= c.settings().chunkThreshold()) {
      put(new Body.FileRange(file, 0, length));
      return;
    }
    long offset = 0;
    int resumes = 0;
    while (offset < length) {
      long n = Math.min(c.settings().chunkSize(), length - offset);
      try {
        Transport.Res p =
            c.t.send(
                new Transport.Req(
                    "PATCH",
                    location,
                    Map.of(
                        "Content-Type",
                        "application/octet-stream",
                        "Content-Range",
                        offset + "-" + (offset + n - 1)),
                    new Body.FileRange(file, offset, n),
                    Set.of(202),
                    scope,
                    false,
                    "upload chunk at " + offset + " of " + short12()));
        location = location(p);
        offset = end(p.header("Range"), offset + n);
      } catch (RegistryException e) {
        if (!e.isRetryable() || ++resumes > MAX_RESUMES) {
          throw e;
        }
        offset = resumeOffset(e);
      }
    }
    put(null);
  }

  private void put(Body body) throws IOException {
    String sep = location.contains("?") ? "&" : "?";
    String target =
        location + sep + "digest=" + URLEncoder.encode(digest.toString(), StandardCharsets.UTF_8);
    Map<String, String> h =
        body == null ? Map.of() : Map.of("Content-Type", "application/octet-stream");
    Transport.Res r =
        c.t.send(
            new Transport.Req(
                "PUT",
                target,
                h,
                body == null ? new Body.Bytes(new byte[0]) : body,
                Set.of(201),
                scope,
                false,
                "finish upload of " + short12()));
    String got = r.header("Docker-Content-Digest");
    if (got != null && !got.equals(digest.toString())) {
      throw new IOException("registry stored blob as " + got + ", expected " + digest);
    }
  }

  /**
   * Where to go on after a failed chunk. Some registries (distribution 2.8) cancel the session when
   * a PATCH body breaks off; then the whole upload starts over (a retryable failure).
   */
  private long resumeOffset(RegistryException cause) throws IOException {
    try {
      return status();
    } catch (RegistryException e) {
      if (e.status() == 404) {
        throw new RegistryException(
            "upload of " + short12() + " was cancelled by the registry after a failed chunk",
            new IOException(cause.getMessage()));
      }
      throw e;
    }
  }

  /** How many bytes the session holds, from its Range header ("0-N" means N+1). */
  private long status() throws IOException {
    Transport.Res r =
        c.t.send(
            new Transport.Req(
                "GET",
                location,
                Map.of(),
                null,
                Set.of(204),
                scope,
                true,
                "check upload of " + short12()));
    location = location(r);
    return end(r.header("Range"), 0);
  }

  private static long end(String range, long fallback) {
    if (range == null) {
      return fallback;
    }
    String r = range.replaceFirst("^bytes=", "");
    int dash = r.indexOf('-');
    try {
      return dash < 0 ? fallback : Long.parseLong(r.substring(dash + 1).strip()) + 1;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private String location(Transport.Res r) throws IOException {
    String loc = r.header("Location");
    if (loc == null) {
      throw new IOException("registry " + c.host() + " sent no upload Location");
    }
    return c.t.uri(loc).toString();
  }

  private String short12() {
    return digest.hex().substring(0, 12);
  }
}
