package dev.ingot.pkg.deb.repo;

import dev.ingot.fs.Digest;
import dev.ingot.pkg.deb.BinaryPackage;
import dev.ingot.pkg.fetch.FetchException;
import dev.ingot.pkg.fetch.Fetcher;
import dev.ingot.pkg.pgp.ClearSigned;
import dev.ingot.pkg.pgp.Keyring;
import dev.ingot.pkg.pgp.PgpException;
import dev.ingot.pkg.pgp.SignatureVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Reads a Debian-format repository with apt's trust chain: InRelease (or Release + Release.gpg)
 * verified against the suite's keyring, freshness checked (Valid-Until), then Packages indexes
 * checked against the SHA256 sums of the signed Release. Indexes are cached decompressed under the
 * digest the Release gives for the uncompressed file, so a warm cache neither downloads nor
 * decompresses them again. Thread-safe.
 */
public final class Repository {
  /** A suite whose Release was verified, with the text that was signed. */
  public record Verified(SuiteRef ref, ReleaseFile release, String releaseText) {}

  private final Fetcher fetcher;
  private final Instant now;
  private final Path verifiedDir;

  /** {@code now} is the time Valid-Until and key expiry are checked against. */
  public Repository(Fetcher fetcher, Instant now) {
    this(fetcher, now, null);
  }

  /**
   * As above; {@code verifiedDir} (may be null) remembers signatures already checked, keyed by the
   * digest of the signed bytes and of the keyrings, so a warm build skips the public-key math (the
   * key's expiry and Valid-Until are still checked every time).
   */
  public Repository(Fetcher fetcher, Instant now, Path verifiedDir) {
    this.fetcher = fetcher;
    this.now = now;
    this.verifiedDir = verifiedDir;
  }

  /** Fetches and verifies the suite's Release. */
  public Verified release(SuiteRef s) {
    URI in = s.dists("InRelease");
    String text;
    String name;
    Optional<byte[]> inRelease = fetcher.fetchMeta(in);
    try {
      if (inRelease.isPresent()) {
        name = in.toString();
        String n = name;
        text =
            remembered(
                s,
                inRelease.get(),
                () -> {
                  ClearSigned cs =
                      ClearSigned.parse(new String(inRelease.get(), StandardCharsets.UTF_8), n);
                  return new Checked(
                      cs.text(),
                      verifier(s).verifyDetached(cs.canonical(), cs.signatureArmor(), n, now));
                },
                n);
      } else {
        URI rel = s.dists("Release");
        name = rel.toString();
        byte[] body =
            fetcher
                .fetchMeta(rel)
                .orElseThrow(
                    () ->
                        new RepositoryException(
                            "suite '"
                                + s.suite()
                                + "' not found at "
                                + s.base()
                                + " (neither InRelease nor Release exists); check the suite name"
                                + " and the mirror"));
        byte[] sig =
            fetcher
                .fetchMeta(s.dists("Release.gpg"))
                .orElseThrow(
                    () ->
                        new RepositoryException(
                            name
                                + ": the Release file is not signed (no InRelease, no"
                                + " Release.gpg); Ingot refuses unsigned repositories"));
        byte[] both = java.util.Arrays.copyOf(body, body.length + sig.length);
        System.arraycopy(sig, 0, both, body.length, sig.length);
        text =
            remembered(
                s,
                both,
                () ->
                    new Checked(
                        new String(body, StandardCharsets.UTF_8),
                        verifier(s).verifyDetached(body, sig, name + ".gpg", now)),
                name);
      }
    } catch (PgpException e) {
      throw new RepositoryException(e.getMessage(), e);
    }
    ReleaseFile r = ReleaseFile.parse(text, name);
    if (!s.suite().equals(r.codename()) && !s.suite().equals(r.suite())) {
      throw new RepositoryException(
          name
              + ": the Release is for suite '"
              + r.suite()
              + "' (codename '"
              + r.codename()
              + "'), not '"
              + s.suite()
              + "'");
    }
    r.checkFresh(now, name);
    return new Verified(s, r, text);
  }

  private record Checked(String text, SignatureVerifier.Verified by) {}

  private static SignatureVerifier verifier(SuiteRef s) {
    return new SignatureVerifier(Keyring.load(s.keyrings()));
  }

  /** Verifies with {@code check} unless these exact bytes were verified against these keyrings. */
  private String remembered(
      SuiteRef s, byte[] signed, java.util.function.Supplier<Checked> check, String name) {
    Path marker = null;
    if (verifiedDir != null) {
      StringBuilder key = new StringBuilder(Digest.sha256(signed).toString());
      for (Path k : s.keyrings()) {
        try {
          key.append('\n').append(k).append(' ').append(Digest.sha256(Files.readAllBytes(k)));
        } catch (IOException e) {
          key = null;
          break;
        }
      }
      if (key != null) {
        marker = verifiedDir.resolve(Digest.sha256(key.toString()).hex());
        try {
          String m = Files.readString(marker, StandardCharsets.UTF_8);
          int nl = m.indexOf('\n');
          String exp = m.substring(0, nl);
          if (!exp.equals("-") && now.isAfter(Instant.ofEpochSecond(Long.parseLong(exp)))) {
            throw new RepositoryException(
                name
                    + ": the signing key expired at "
                    + Instant.ofEpochSecond(Long.parseLong(exp))
                    + "; update the keyring");
          }
          return m.substring(nl + 1);
        } catch (IOException | RuntimeException e) {
          if (e instanceof RepositoryException re) {
            throw re;
          }
          // not verified before (or an unreadable marker): verify now
        }
      }
    }
    Checked c = check.get();
    if (marker != null) {
      try {
        Files.createDirectories(marker.getParent());
        Path tmp = Files.createTempFile(marker.getParent(), "v", ".tmp");
        Instant e = c.by().keyExpiry();
        Files.writeString(
            tmp,
            (e == null ? "-" : Long.toString(e.getEpochSecond())) + "\n" + c.text(),
            StandardCharsets.UTF_8);
        Files.move(
            tmp, marker, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException ex) {
        // only an optimization
      }
    }
    return c.text();
  }

  /** The digest of the uncompressed Packages index of one component, as the Release lists it. */
  public static Optional<String> indexDigest(Verified v, String component, String arch) {
    return v.release()
        .file(component + "/binary-" + arch + "/Packages")
        .map(ReleaseFile.IndexFile::sha256);
  }

  /** The packages of {@code component} for {@code arch}, verified against the Release. */
  public List<BinaryPackage> packages(Verified v, String component, String arch) {
    String dir = component + "/binary-" + arch + "/";
    String name = v.ref().dists(dir + "Packages").toString();
    String text;
    try {
      text = Files.readString(indexText(v, dir, name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RepositoryException(name + ": cannot read: " + e.getMessage(), e);
    }
    return PackagesIndex.parse(text, v.ref().base(), v.ref().suite(), name);
  }

  private Path indexText(Verified v, String dir, String name) throws IOException {
    ReleaseFile r = v.release();
    Optional<ReleaseFile.IndexFile> plain = r.file(dir + "Packages");
    if (plain.isPresent()) {
      Path p = fetcher.cached(Digest.parse("sha256:" + plain.get().sha256()));
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    for (String ext : List.of(".xz", ".gz", "")) {
      Optional<ReleaseFile.IndexFile> f = r.file(dir + "Packages" + ext);
      if (f.isEmpty()) {
        continue;
      }
      Path compressed = fetchIndex(v, f.get());
      if (ext.isEmpty()) {
        return compressed;
      }
      return decompress(compressed, ext, plain, name);
    }
    throw new RepositoryException(
        name
            + ": the Release lists no Packages index for "
            + dir
            + "; check the component and architecture");
  }

  private Path fetchIndex(Verified v, ReleaseFile.IndexFile f) {
    Digest d = Digest.parse("sha256:" + f.sha256());
    if (v.release().acquireByHash()) {
      String parent = f.path().substring(0, f.path().lastIndexOf('/') + 1);
      try {
        return fetcher.fetch(
            new Fetcher.Request(
                v.ref().dists(parent + "by-hash/SHA256/" + f.sha256()), d, f.size()));
      } catch (FetchException e) {
        if (!e.notFound()) {
          throw e;
        }
      }
    }
    return fetcher.fetch(new Fetcher.Request(v.ref().dists(f.path()), d, f.size()));
  }

  private Path decompress(
      Path compressed, String ext, Optional<ReleaseFile.IndexFile> plain, String name)
      throws IOException {
    Path tmp = Files.createTempFile(compressed.getParent(), "index", ".tmp");
    try {
      MessageDigest md = Digest.sha256Md();
      try (InputStream raw = Files.newInputStream(compressed);
          InputStream in =
              ext.equals(".xz") ? new XZInputStream(raw) : new GZIPInputStream(raw, 1 << 16);
          OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), md)) {
        in.transferTo(out);
      }
      Digest got = Digest.fromSha256(md.digest());
      if (plain.isPresent() && !got.hex().equals(plain.get().sha256())) {
        throw new RepositoryException(
            name
                + ": the decompressed index does not match the Release's SHA256 ("
                + plain.get().sha256()
                + "); the mirror may be inconsistent");
      }
      Path dest = fetcher.cached(got);
      Files.createDirectories(dest.getParent());
      Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return dest;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
