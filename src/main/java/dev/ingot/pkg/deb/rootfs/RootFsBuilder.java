package dev.ingot.pkg.deb.rootfs;

import dev.ingot.artifact.InstalledPackage;
import dev.ingot.artifact.RootFs;
import dev.ingot.fs.BlobStore;
import dev.ingot.fs.Digest;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.FsPaths;
import dev.ingot.pkg.deb.install.DebReader;
import dev.ingot.pkg.deb.install.DistrolessFiles;
import dev.ingot.pkg.deb.install.DpkgDatabase;
import dev.ingot.pkg.deb.install.SystemInstaller;
import dev.ingot.pkg.deb.install.TreeMerger;
import dev.ingot.pkg.deb.install.UnpackCache;
import dev.ingot.pkg.deb.install.UnpackedDeb;
import dev.ingot.pkg.deb.lock.Lock;
import dev.ingot.pkg.deb.lock.LockedPackage;
import dev.ingot.pkg.deb.repo.Repository;
import dev.ingot.pkg.deb.repo.RepositoryException;
import dev.ingot.pkg.deb.repo.SuiteRef;
import dev.ingot.pkg.fetch.FetchException;
import dev.ingot.pkg.fetch.Fetcher;
import dev.ingot.plugin.BuildLog;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link RootFs} from a spec: plan the suites, take the lock (the lockfile when there is
 * one, else a fresh resolution), fetch every .deb verified against its SHA256 and size, unpack each
 * once into the blob store, and assemble the tree for the variant. Thread-safe for distinct specs.
 */
public final class RootFsBuilder {
  /** Where things go and how the build is stamped; {@code sourceDateEpoch} in seconds. */
  public record Settings(
      Path cacheDir,
      boolean offline,
      long sourceDateEpoch,
      Instant now,
      BuildLog log,
      dev.ingot.plugin.Cancellation cancellation) {}

  /** The lock and the unpacked packages, in lock order, before the variant's assembly. */
  public record Fetched(Lock lock, List<LockedPackage> pins, List<UnpackedDeb> debs) {}

  private final Settings s;
  private final Fetcher fetcher;
  private final BlobStore blobs;
  private final UnpackCache unpacked;

  public RootFsBuilder(Settings s, BlobStore blobs) {
    this.s = s;
    this.blobs = blobs;
    this.fetcher =
        new Fetcher(Fetcher.Options.of(s.cacheDir(), s.offline()), s.log(), s.cancellation());
    this.unpacked = new UnpackCache(s.cacheDir().resolve("deb/unpacked"));
  }

  public Fetcher fetcher() {
    return fetcher;
  }

  public LockService lockService() {
    return new LockService(
        new Repository(fetcher, s.now(), s.cacheDir().resolve("deb/verified")), s.cacheDir());
  }

  /** The lock to build with: the spec's lockfile (checked against the spec) or a new resolution. */
  public Lock lock(DebSourceSpec spec, List<SuiteRef> suites) {
    String inputs = spec.inputsDigest(suites.stream().map(SuiteRef::suite).toList());
    if (spec.lockfile() != null && Files.isRegularFile(spec.lockfile())) {
      Lock l;
      try {
        l = Lock.parse(Files.readString(spec.lockfile()), spec.lockfile().toString());
      } catch (IOException e) {
        throw new RepositoryException(
            "cannot read lockfile " + spec.lockfile() + ": " + e.getMessage(), e);
      }
      if (!l.inputs().equals(inputs)) {
        throw new RepositoryException(
            spec.lockfile()
                + " was made for other inputs (packages, variant, suites,"
                + " components, architecture or recommends changed); run `ingot lock` again");
      }
      return l;
    }
    return lockService().lock(spec, suites).lock();
  }

  /**
   * Fetches and unpacks the lock's packages (in parallel; the unpack cache makes a warm run cheap).
   */
  public Fetched fetch(Lock lock, List<SuiteRef> suites) {
    Map<String, URI> base = new HashMap<>();
    suites.forEach(r -> base.putIfAbsent(r.suite(), r.base()));
    List<LockedPackage> pins = lock.packages();
    List<LockLoadTask> tasks = new ArrayList<>();
    for (LockedPackage p : pins) {
      URI b = base.get(p.suite());
      if (b == null) {
        throw new RepositoryException(
            "the lock pins "
                + p.name()
                + " from suite '"
                + p.suite()
                + "', which the source does not configure; run `ingot lock` again");
      }
      tasks.add(
          new LockLoadTask(p, URI.create(b.toString().replaceAll("/$", "") + "/" + p.filename())));
    }
    List<UnpackedDeb> debs =
        LockService.parallel(
            tasks.stream().map(t -> (LockService.Task<UnpackedDeb>) () -> load(t)).toList());
    return new Fetched(lock, pins, debs);
  }

  private record LockLoadTask(LockedPackage pin, URI uri) {}

  private UnpackedDeb load(LockLoadTask t) {
    Digest d = new Digest("sha256", t.pin().sha256());
    if (unpacked.has(d)) {
      return unpacked.get(d, () -> null);
    }
    Path deb;
    try {
      deb = fetcher.fetch(new Fetcher.Request(t.uri(), d, t.pin().size()));
    } catch (FetchException e) {
      if (e.notFound()) {
        throw new RepositoryException(
            "the mirror no longer has "
                + t.pin().name()
                + " "
                + t.pin().version()
                + " ("
                + t.uri()
                + "), which the lock pins; run `ingot lock` to pin current versions",
            e);
      }
      throw e;
    }
    return unpacked.get(d, () -> new DebReader(blobs, DebReader.LIMITS).read(deb));
  }

  /** The distroless assembly: files of every package, generated configuration, no scripts. */
  public RootFs distroless(DebSourceSpec spec, Fetched f) {
    long sde = s.sourceDateEpoch();
    TreeMerger m = merger(spec, sde);
    for (UnpackedDeb d : f.debs()) {
      m.add(d.data(), d.name());
    }
    if (!m.replaced().isEmpty()) {
      s.log().warn("files shipped by more than one package (the later one wins): " + m.replaced());
    }
    DistrolessFiles gen = new DistrolessFiles(blobs, sde);
    gen.writeAccounts(m, DistrolessFiles.accounts(spec.users()));
    gen.writeCaBundle(m, m.build());
    for (UnpackedDeb d : f.debs()) {
      gen.writeStatusD(m, d);
    }
    FileTree tree = clamp(m.build(), sde);
    return new RootFs(
        tree, blobs, installed(f), spec.variant().id(), spec.architecture(), osRelease(tree));
  }

  /**
   * The minbase/system assembly: files of every package and a dpkg database in "unpacked" state,
   * then the maintainer scripts in a chroot (see {@link SystemInstaller}); needs root.
   */
  public RootFs system(
      DebSourceSpec spec, Fetched f, Path work, dev.ingot.plugin.ProcessRunner runner)
      throws IOException {
    long sde = s.sourceDateEpoch();
    TreeMerger m = merger(spec, sde);
    DpkgDatabase db = new DpkgDatabase(new DistrolessFiles(blobs, sde));
    for (UnpackedDeb d : f.debs()) {
      db.add(m, d, m.add(d.data(), d.name()));
    }
    db.finish(m);
    m.put(FileEntry.directory("tmp", 01777, 0, 0, sde));
    SystemInstaller inst =
        new SystemInstaller(
            blobs,
            new SystemInstaller.Settings(
                work,
                spec.architecture(),
                sde,
                spec.variant() == Variant.SYSTEM,
                s.log(),
                runner,
                s.cancellation()));
    FileTree tree = clamp(inst.install(m.build(), f.debs()), sde);
    return new RootFs(
        tree, blobs, installed(f), spec.variant().id(), spec.architecture(), osRelease(tree));
  }

  private static TreeMerger merger(DebSourceSpec spec, long sde) {
    return new TreeMerger(
        spec.mergedUsr()
            ? TreeMerger.mergedUsrBase(spec.architecture().equals("amd64"), sde)
            : FileTree.builder().put(FileEntry.directory("", 0755, 0, 0, sde)).build());
  }

  static FileTree clamp(FileTree t, long sde) {
    return sde < 0 ? t : t.map(e -> e.mtime() > sde ? e.withMtime(sde) : e);
  }

  static List<InstalledPackage> installed(Fetched f) {
    List<InstalledPackage> out = new ArrayList<>();
    for (LockedPackage p : f.pins()) {
      out.add(
          new InstalledPackage(
              p.name(),
              p.version(),
              p.architecture(),
              p.source(),
              p.sourceVersion(),
              p.sha256(),
              null,
              p.suite()));
    }
    return out;
  }

  /** "debian-12" from etc/os-release (following its link), or null. */
  String osRelease(FileTree tree) {
    String path = "etc/os-release";
    for (int i = 0; i < 8; i++) {
      FileEntry e = tree.get(path).orElse(null);
      if (e == null) {
        return null;
      }
      if (e.type() == dev.ingot.fs.FileType.SYMLINK) {
        path = FsPaths.resolveLink(path, e.linkTarget());
        continue;
      }
      if (!e.isRegular() || e.content() == null) {
        return null;
      }
      try (InputStream in = blobs.open(e.content())) {
        Map<String, String> kv = new HashMap<>();
        for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          int eq = l.indexOf('=');
          if (eq > 0) {
            kv.put(l.substring(0, eq), l.substring(eq + 1).replace("\"", ""));
          }
        }
        String id = kv.get("ID");
        return id == null
            ? null
            : id + (kv.containsKey("VERSION_ID") ? "-" + kv.get("VERSION_ID") : "");
      } catch (IOException ex) {
        return null;
      }
    }
    return null;
  }
}
