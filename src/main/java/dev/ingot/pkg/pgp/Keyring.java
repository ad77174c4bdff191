package dev.ingot.pkg.pgp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;

/**
 * OpenPGP public keys that are trusted to sign repository metadata, read from keyring files in the
 * binary form (apt's {@code .gpg}) or ASCII-armored ({@code .asc}), several keys per file allowed.
 * Immutable and thread-safe once loaded.
 */
public final class Keyring {
  /** A key found for a signature: the key itself and the fingerprint of its primary key. */
  public record Found(PGPPublicKey key, String primaryFingerprint, PGPPublicKeyRing ring) {}

  private final List<PGPPublicKeyRing> rings;
  private final List<String> sources;

  private Keyring(List<PGPPublicKeyRing> rings, List<String> sources) {
    this.rings = List.copyOf(rings);
    this.sources = List.copyOf(sources);
  }

  /** Loads every key of every file; fails naming the file that cannot be read. */
  public static Keyring load(List<Path> files) {
    List<PGPPublicKeyRing> rings = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Path f : files) {
      byte[] data;
      try {
        data = Files.readAllBytes(f);
      } catch (IOException e) {
        throw new PgpException("cannot read keyring " + f + ": " + e.getMessage(), e);
      }
      rings.addAll(parse(data, f.toString()));
      names.add(f.toString());
    }
    return new Keyring(rings, names);
  }

  /** Keys from bytes (binary or armored); {@code name} names them in errors. */
  public static Keyring of(byte[] data, String name) {
    return new Keyring(parse(data, name), List.of(name));
  }

  private static List<PGPPublicKeyRing> parse(byte[] data, String name) {
    List<PGPPublicKeyRing> out = new ArrayList<>();
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(data))) {
      PGPPublicKeyRingCollection c =
          new PGPPublicKeyRingCollection(in, new JcaKeyFingerprintCalculator());
      c.getKeyRings().forEachRemaining(out::add);
    } catch (IOException | PGPException e) {
      throw new PgpException("cannot read keyring " + name + ": " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new PgpException("keyring " + name + " holds no public key");
    }
    return out;
  }

  /** The key (primary or subkey) with this 64-bit id. */
  public Optional<Found> find(long keyId) {
    for (PGPPublicKeyRing r : rings) {
      PGPPublicKey k = r.getPublicKey(keyId);
      if (k != null) {
        return Optional.of(new Found(k, fingerprint(r.getPublicKey()), r));
      }
    }
    return Optional.empty();
  }

  public int size() {
    return rings.size();
  }

  /** The files the keys came from, for error messages. */
  public List<String> sources() {
    return sources;
  }

  static String fingerprint(PGPPublicKey k) {
    return HexFormat.of().withUpperCase().formatHex(k.getFingerprint());
  }

  static String keyId(long id) {
    return String.format("%016X", id);
  }
}
