package dev.ingot.pkg.fetch;

import dev.ingot.fs.Digest;
import dev.ingot.plugin.BuildLog;
import dev.ingot.plugin.Cancellation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Downloads into a content-addressed cache: {@code <cache>/files/sha256/<2 hex>/<hex>}. A file is
 * fetched once, checked against its expected size and SHA-256, and renamed into place complete;
 * partial downloads are kept and resumed with a Range request. Transient failures (connection
 * errors, 5xx, 429) are retried with exponential backoff. Concurrent builds sharing the cache take
 * a lock per file. In offline mode only the cache is used. Mutable metadata (InRelease) is cached
 * by URI and revalidated with conditional requests. Handles http, https and file URIs. Thread-safe.
 */
public final class Fetcher {
  /**
   * Settings: {@code parallelism} bounds concurrent downloads; {@code retries} counts extra
   * attempts after the first; {@code backoff} is the first retry delay, doubled each time.
   */
  public record Options(
      Path cacheDir, boolean offline, int parallelism, int retries, Duration backoff) {
    public static Options of(Path cacheDir, boolean offline) {
      return new Options(cacheDir, offline, 8, 4, Duration.ofMillis(250));
    }
  }

  /** One content-addressed download: where from, what it must hash to and its size in bytes. */
  public record Request(URI uri, Digest sha256, long size) {}

  private final Options options;
  private final BuildLog log;
  private final Cancellation cancellation;
  private final Semaphore slots;
  private volatile HttpClient http;

  public Fetcher(Options options, BuildLog log, Cancellation cancellation) {
    this.options = options;
    this.log = log;
    this.cancellation = cancellation;
    this.slots = new Semaphore(Math.max(1, options.parallelism()));
  }

  /** Where the verified file with this digest lives (it may not exist yet). */
  public Path cached(Digest d) {
    return options
        .cacheDir()
        .resolve("files")
        .resolve(d.algorithm())
        .resolve(d.hex().substring(0, 2))
        .resolve(d.hex());
  }

  public boolean offline() {
    return options.offline();
  }

  /** Returns the cached, verified file for {@code r}, downloading it if needed. */
  public Path fetch(Request r) {
    Path dest = cached(r.sha256());
    if (Files.isRegularFile(dest)) {
      return dest;
    }
    if (options.offline()) {
      throw new FetchException(
          r.uri(),
          "offline: "
              + r.uri()
              + " ("
              + r.sha256()
              + ") is not in the cache "
              + options.cacheDir()
              + "; run once without --offline to fill it");
    }
    Path lockFile = options.cacheDir().resolve("locks").resolve(r.sha256().hex() + ".lock");
    try (FileLock lock = FileLock.acquire(lockFile)) {
      if (Files.isRegularFile(dest)) { // another build fetched it while we waited
        return dest;
      }
      slots.acquire();
      try {
        download(r, dest);
      } finally {
        slots.release();
      }
      return dest;
    } catch (IOException e) {
      throw new FetchException(
          r.uri(), "cannot fetch " + r.uri() + ": " + e.getMessage(), false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Cancellation.CancelledException();
    }
  }

  /** Fetches all in parallel (bounded by the options); the first failure is thrown. */
  public List<Path> fetchAll(List<Request> requests) {
    List<Path> out = new ArrayList<>();
    try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Path>> fs = new ArrayList<>();
      for (Request r : requests) {
        fs.add(ex.submit(() -> fetch(r)));
      }
      for (Future<Path> f : fs) {
        out.add(join(f));
      }
    }
    return out;
  }

  private static Path join(Future<Path> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Cancellation.CancelledException();
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Fetches mutable metadata (an InRelease) by URI: revalidated against the server unless offline,
   * the cached copy otherwise. Empty when the server says 404 (or, offline, nothing is cached and
   * the URI was never found).
   */
  public Optional<byte[]> fetchMeta(URI uri) {
    Path dir = options.cacheDir().resolve("meta");
    Path body = dir.resolve(Digest.sha256(uri.toString()).hex());
    Path tag = dir.resolve(body.getFileName() + ".etag");
    Path gone = dir.resolve(body.getFileName() + ".404");
    try {
      if (options.offline()) {
        if (Files.isRegularFile(body)) {
          return Optional.of(Files.readAllBytes(body));
        }
        if (Files.exists(gone)) {
          return Optional.empty();
        }
        throw new FetchException(
            uri, "offline: " + uri + " is not in the cache; run once without --offline");
      }
      if ("file".equals(uri.getScheme())) {
        Path p = Path.of(uri);
        return Files.isRegularFile(p) ? Optional.of(Files.readAllBytes(p)) : Optional.empty();
      }
      Files.createDirectories(dir);
      HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
      if (Files.isRegularFile(body) && Files.isRegularFile(tag)) {
        String[] t = Files.readString(tag).split("\n", 2);
        if (!t[0].isEmpty()) {
          rb.header("If-None-Match", t[0]);
        }
        if (t.length > 1 && !t[1].isBlank()) {
          rb.header("If-Modified-Since", t[1].strip());
        }
      }
      HttpResponse<byte[]> resp =
          withRetries(uri, () -> send(rb.build(), HttpResponse.BodyHandlers.ofByteArray()));
      if (resp.statusCode() == 304) {
        return Optional.of(Files.readAllBytes(body));
      }
      if (resp.statusCode() == 404 || resp.statusCode() == 410) {
        Files.writeString(gone, "");
        return Optional.empty();
      }
      if (resp.statusCode() != 200) {
        throw new FetchException(uri, uri + ": HTTP " + resp.statusCode());
      }
      writeAtomically(body, resp.body());
      String etag = resp.headers().firstValue("ETag").orElse("");
      String lm = resp.headers().firstValue("Last-Modified").orElse("");
      writeAtomically(tag, (etag + "\n" + lm).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      Files.deleteIfExists(gone);
      return Optional.of(resp.body());
    } catch (IOException e) {
      throw new FetchException(uri, "cannot fetch " + uri + ": " + e.getMessage(), false, e);
    }
  }

  private void download(Request r, Path dest) throws IOException {
    Path tmpDir = options.cacheDir().resolve("files").resolve("partial");
    Files.createDirectories(tmpDir);
    Path part = tmpDir.resolve(r.sha256().hex() + ".part");
    if ("file".equals(r.uri().getScheme())) {
      try {
        Files.copy(Path.of(r.uri()), part, StandardCopyOption.REPLACE_EXISTING);
      } catch (NoSuchFileException e) {
        throw new FetchException(r.uri(), r.uri() + ": not found", true, e);
      }
    } else {
      withRetries(
          r.uri(),
          () -> {
            httpToPart(r, part);
            return null;
          });
    }
    verifyAndMove(r, part, dest);
  }

  private void httpToPart(Request r, Path part) throws IOException {
    long have = Files.isRegularFile(part) ? Files.size(part) : 0;
    if (have > r.size() && r.size() > 0) {
      Files.delete(part);
      have = 0;
    }
    HttpRequest.Builder rb = HttpRequest.newBuilder(r.uri()).timeout(Duration.ofSeconds(60)).GET();
    if (have > 0) {
      rb.header("Range", "bytes=" + have + "-");
    }
    HttpResponse<InputStream> resp = send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
    int code = resp.statusCode();
    try (InputStream in = resp.body()) {
      if (code == 404 || code == 410) {
        throw new FetchException(r.uri(), r.uri() + ": not found (HTTP " + code + ")", true, null);
      }
      if (code == 416) {
        Files.deleteIfExists(part);
        throw new Transient("HTTP 416 for a resumed download; starting over");
      }
      if (code >= 500 || code == 429 || code == 408) {
        throw new Transient("HTTP " + code);
      }
      if (code != 200 && code != 206) {
        throw new FetchException(r.uri(), r.uri() + ": HTTP " + code);
      }
      boolean append = code == 206;
      try (OutputStream out =
          Files.newOutputStream(
              part,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
        byte[] buf = new byte[1 << 16];
        long done = append ? have : 0;
        for (int n; (n = in.read(buf)) > 0; ) {
          cancellation.check();
          out.write(buf, 0, n);
          done += n;
          if (r.size() > 0 && done > r.size()) {
            throw new FetchException(
                r.uri(), r.uri() + ": larger than the " + r.size() + " bytes the index lists");
          }
        }
      }
    }
  }

  private void verifyAndMove(Request r, Path part, Path dest) throws IOException {
    long size = Files.size(part);
    Digest got;
    try (InputStream in = Files.newInputStream(part)) {
      got = Digest.sha256(in);
    }
    if ((r.size() > 0 && size != r.size()) || !got.equals(r.sha256())) {
      Files.deleteIfExists(part);
      throw new FetchException(
          r.uri(),
          r.uri()
              + ": checksum mismatch: expected "
              + r.sha256()
              + " ("
              + r.size()
              + " bytes), got "
              + got
              + " ("
              + size
              + " bytes); the mirror may be syncing or the file was tampered with");
    }
    Files.createDirectories(dest.getParent());
    try {
      Files.move(part, dest, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(part, dest, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private interface Attempt<T> {
    T run() throws IOException;
  }

  /** A failure worth retrying. */
  private static final class Transient extends IOException {
    Transient(String message) {
      super(message);
    }
  }

  private <T> T withRetries(URI uri, Attempt<T> a) throws IOException {
    long delay = options.backoff().toMillis();
    for (int attempt = 0; ; attempt++) {
      cancellation.check();
      try {
        return a.run();
      } catch (FetchException e) {
        throw e;
      } catch (IOException e) {
        if (attempt >= options.retries()) {
          throw new FetchException(
              uri,
              uri + ": giving up after " + (attempt + 1) + " attempts: " + e.getMessage(),
              false,
              e);
        }
        log.warn("retrying " + uri + " in " + delay + " ms: " + e.getMessage());
        try {
          Thread.sleep(delay);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new Cancellation.CancelledException();
        }
        delay *= 2;
      }
    }
  }

  private <T> HttpResponse<T> send(HttpRequest req, HttpResponse.BodyHandler<T> h)
      throws IOException {
    try {
      return client().send(req, h);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Cancellation.CancelledException();
    }
  }

  private HttpClient client() {
    HttpClient c = http;
    if (c == null) {
      synchronized (this) {
        if (http == null) {
          http =
              HttpClient.newBuilder()
                  .version(HttpClient.Version.HTTP_1_1)
                  .followRedirects(HttpClient.Redirect.NORMAL)
                  .connectTimeout(Duration.ofSeconds(15))
                  // Explicit parameters: the client would otherwise ask the context for its
                  // defaults at once, loading the trust store (see LazyTls).
                  .sslContext(new LazyTls())
                  .sslParameters(new javax.net.ssl.SSLParameters())
                  .build();
        }
        c = http;
      }
    }
    return c;
  }

  private static void writeAtomically(Path p, byte[] data) throws IOException {
    Path tmp = Files.createTempFile(p.getParent(), p.getFileName().toString(), ".tmp");
    try {
      Files.write(tmp, data);
      Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
