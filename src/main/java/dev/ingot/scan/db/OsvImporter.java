package dev.ingot.scan.db;

import com.fasterxml.jackson.core.JsonFactory;
import dev.ingot.plugin.Cancellation;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Imports OSV records (schema 1.x, fields of 1.6): a directory of {@code *.json} files (searched
 * recursively), a zip of them (as OSV publishes per ecosystem), or one JSON file holding a record
 * or an array of records. Each {@code affected[]} entry of a supported ecosystem becomes an {@link
 * Advisory}: ECOSYSTEM ranges with introduced/fixed/last_affected/limit, explicit versions, CVSS
 * vectors (the entry's own {@code severity} or the record's), and the vendor's word from {@code
 * ecosystem_specific}/{@code database_specific}. Withdrawn records and other ecosystems are counted
 * as skipped. The files of a directory or zip are parsed on {@code threads} threads in contiguous
 * runs whose results are joined in file order, so the result does not depend on the thread count.
 * Thread-safe (all state is per call).
 */
public final class OsvImporter {
  private static final JsonFactory JSON = new JsonFactory();
  private final int threads;
  private final Cancellation cancel;

  /** An importer using every available processor that stops once {@code cancel} is cancelled. */
  public OsvImporter(Cancellation cancel) {
    this(Runtime.getRuntime().availableProcessors(), cancel);
  }

  public OsvImporter(int threads) {
    this(threads, new Cancellation());
  }

  /**
   * {@code cancel} is checked per record: a cancelled read throws {@link
   * Cancellation.CancelledException}.
   */
  public OsvImporter(int threads, Cancellation cancel) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    this.threads = threads;
    this.cancel = cancel;
  }

  /** Opens the documents of one run by name; closed when the run is done. */
  private interface Opener extends Closeable {
    InputStream open(String name) throws IOException;
  }

  /** Makes a fresh {@link Opener} for each run. */
  private interface Openers {
    Opener create() throws IOException;
  }

  /** Reads {@code source} (directory, .zip or .json) and returns what it holds. */
  public ImportResult read(Path source) throws IOException {
    if (Files.isDirectory(source)) {
      List<String> files;
      try (Stream<Path> s = Files.walk(source)) {
        files =
            s.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p))
                .sorted()
                .map(Path::toString)
                .toList();
      }
      return readAll(files, () -> plainFiles());
    }
    if (source.toString().endsWith(".zip") || isZip(source)) {
      List<String> entries = new ArrayList<>();
      try (ZipFile zip = new ZipFile(source.toFile())) {
        for (ZipEntry e : Collections.list(zip.entries())) {
          if (!e.isDirectory() && e.getName().endsWith(".json")) {
            entries.add(e.getName());
          }
        }
      }
      // One ZipFile per run: a ZipFile's stream bookkeeping is shared and locked.
      return readAll(entries, () -> zipEntries(new ZipFile(source.toFile())));
    }
    return readAll(List.of(source.toString()), () -> plainFiles());
  }

  private static Opener plainFiles() {
    return new Opener() {
      @Override
      public InputStream open(String name) throws IOException {
        return Files.newInputStream(Path.of(name));
      }

      @Override
      public void close() {}
    };
  }

  private static Opener zipEntries(ZipFile zip) {
    return new Opener() {
      @Override
      public InputStream open(String name) throws IOException {
        return zip.getInputStream(zip.getEntry(name));
      }

      @Override
      public void close() throws IOException {
        zip.close();
      }
    };
  }

  private ImportResult readAll(List<String> docs, Openers openers) throws IOException {
    int runs = Math.max(1, Math.min(threads, docs.size() / 64));
    List<OsvRecordReader> readers = new ArrayList<>();
    if (runs == 1) {
      readers.add(readRun(docs, openers));
    } else {
      try (ExecutorService pool = Executors.newFixedThreadPool(runs)) {
        List<Future<OsvRecordReader>> futures = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
          List<String> run = docs.subList(docs.size() * i / runs, docs.size() * (i + 1) / runs);
          futures.add(pool.submit(() -> readRun(run, openers)));
        }
        for (Future<OsvRecordReader> f : futures) {
          readers.add(join(f));
        }
      }
    }
    // The first run's records are the result's: only the others are appended (a copy of the whole
    // database here would double the import's memory at its end).
    RecordBlocks records = readers.get(0).records;
    Map<String, Long> skipped = new TreeMap<>();
    long advisories = 0;
    for (int i = 0; i < readers.size(); i++) {
      OsvRecordReader r = readers.get(i);
      if (i > 0) {
        records.addAll(r.records);
      }
      r.skipped.forEach((k, v) -> skipped.merge(k, v, Long::sum));
      advisories += r.advisories;
    }
    return new ImportResult(records, advisories, skipped);
  }

  private OsvRecordReader readRun(List<String> run, Openers openers) throws IOException {
    OsvRecordReader reader = new OsvRecordReader(JSON, cancel);
    try (Opener o = openers.create()) {
      for (String d : run) {
        try (InputStream in = o.open(d)) {
          reader.read(in);
        }
      }
    }
    return reader;
  }

  private static OsvRecordReader join(Future<OsvRecordReader> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("import interrupted", e);
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case IOException io -> throw io;
        case UncheckedIOException u -> throw u.getCause();
        case RuntimeException r -> throw r;
        case Error err -> throw err;
        default -> throw new IOException(e.getCause());
      }
    }
  }

  private static boolean isZip(Path p) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      byte[] b = in.readNBytes(4);
      return b.length == 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }
  }
}
