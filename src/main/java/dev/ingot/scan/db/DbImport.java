package dev.ingot.scan.db;

import dev.ingot.plugin.Cancellation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * {@code ingot db import}: reads a source (a path, or an http(s) URL fetched once into the cache),
 * detects its format unless told ("osv" for a directory, a zip or a JSON record; "debian-tracker"
 * for the tracker export), and stores it as one segment. Nothing is ever downloaded unless a URL is
 * given. A cancelled import (Ctrl-C) stops its download at once, its parsing at the next record and
 * its segment's write at the next block (or before the rename); the database is then as it was,
 * with no temporary file left. Thread-safe.
 */
public final class DbImport {
  private final Path dbDir;
  private final Cancellation cancel;

  public DbImport(Path dbDir) {
    this(dbDir, new Cancellation());
  }

  public DbImport(Path dbDir, Cancellation cancel) {
    this.dbDir = dbDir;
    this.cancel = cancel;
  }

  /**
   * Imports {@code source}. {@code format} is "auto", "osv" or "debian-tracker"; {@code name} may
   * be null to derive one from the source.
   */
  public SegmentMeta run(String source, String format, String name, Instant now)
      throws IOException {
    boolean remote = source.startsWith("http://") || source.startsWith("https://");
    Path file = remote ? download(source) : Path.of(source);
    try {
      if (!Files.exists(file)) {
        throw new AdvisoryDbException(
            "advisory source "
                + source
                + " does not exist; give an OSV directory or zip, or the"
                + " Debian security tracker JSON");
      }
      String kind = format.equals("auto") ? detect(file) : format;
      ImportResult result =
          switch (kind) {
            case "osv" -> new OsvImporter(cancel).read(file);
            case "debian-tracker" -> {
              try (InputStream in = Files.newInputStream(file)) {
                yield new DebianTrackerImporter(cancel).read(in);
              }
            }
            default ->
                throw new AdvisoryDbException(
                    "unknown advisory format '" + kind + "'; use osv or debian-tracker");
          };
      if (result.records().isEmpty() && result.advisories() == 0) {
        throw new AdvisoryDbException(
            "no advisories found in "
                + source
                + " (read as "
                + kind
                + "); skipped: "
                + result.skipped());
      }
      String n =
          name != null ? name : defaultName(kind, remote ? URI.create(source).getPath() : source);
      cancel.check();
      return AdvisoryDb.store(dbDir, n, kind, source, now, result, cancel);
    } finally {
      if (remote) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** "osv" for directories, zips and OSV JSON; "debian-tracker" for the tracker's object. */
  static String detect(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      return "osv";
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(4096);
      if (head.length >= 2 && head[0] == 'P' && head[1] == 'K') {
        return "osv";
      }
      String s = new String(head, java.nio.charset.StandardCharsets.UTF_8).stripLeading();
      if (s.startsWith("[")) {
        return "osv";
      }
      // An OSV record's first keys are its own fields; the tracker's are package names.
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("^\\{\\s*\"([^\"]*)\"").matcher(s);
      if (m.find()) {
        String k = m.group(1);
        return java.util.Set.of(
                    "id",
                    "schema_version",
                    "modified",
                    "published",
                    "aliases",
                    "summary",
                    "details",
                    "affected",
                    "severity",
                    "withdrawn",
                    "related",
                    "upstream")
                .contains(k)
            ? "osv"
            : "debian-tracker";
      }
    }
    throw new AdvisoryDbException(
        file + " is neither OSV nor the Debian tracker export; pass --format to say which");
  }

  static String defaultName(String kind, String source) {
    if (kind.equals("debian-tracker")) {
      return "debian-tracker";
    }
    String base = Path.of(source.isEmpty() ? "osv" : source).getFileName().toString();
    base = base.replaceAll("\\.(zip|json)$", "").toLowerCase(Locale.ROOT);
    base = base.replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+", "");
    return base.isEmpty() ? "osv" : base.startsWith("osv") ? base : "osv-" + base;
  }

  private Path download(String url) throws IOException {
    Files.createDirectories(dbDir);
    Path tmp = Files.createTempFile(dbDir, ".download", ".part");
    HttpClient client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30))
            .build();
    try {
      // Headers asynchronously and the body copied here, so that a cancellation aborts the
      // transfer where it is and no client thread writes the file after it has been removed.
      CompletableFuture<HttpResponse<InputStream>> sent =
          client.sendAsync(
              // A server that accepts the connection and never answers would hang the import
              // (and a test run) for ever; the body, once it starts, may take as long as it takes.
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (AutoCloseable stop = cancel.onCancel(() -> sent.cancel(true))) {
        HttpResponse<InputStream> r = sent.get();
        try (InputStream body = r.body();
            AutoCloseable unblock = cancel.onCancel(() -> closeQuietly(body))) {
          if (r.statusCode() != 200) {
            throw new AdvisoryDbException(
                "downloading "
                    + url
                    + " failed with HTTP "
                    + r.statusCode()
                    + "; check the URL or import a local copy");
          }
          try (OutputStream out = Files.newOutputStream(tmp)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = body.read(buf)) >= 0; ) {
              cancel.check();
              out.write(buf, 0, n);
            }
          }
        }
      } catch (CancellationException e) {
        throw new Cancellation.CancelledException();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
      } catch (InterruptedException | IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException(e); // closing a callback handle does not fail
      }
      return tmp;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      Files.deleteIfExists(tmp);
      throw new IOException("download of " + url + " interrupted", e);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      cancel.check(); // however the aborted transfer failed, it failed because it was cancelled
      if (e instanceof AdvisoryDbException) {
        throw e;
      }
      throw new AdvisoryDbException(
          "cannot download " + url + ": " + dev.ingot.plugin.IoMessages.describe(e), e);
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // Closing only unblocks the copy, which then fails as cancelled.
    }
  }
}
