package dev.ingot.pkg.pgp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Checks OpenPGP signatures over repository metadata against a {@link Keyring}, with apt's rules:
 * at least one good signature by a trusted key; a signature by a trusted key that does not verify
 * is an error (tampering), as are expired or revoked keys and weak digests (MD5, SHA-1). Signatures
 * by unknown keys are ignored when a good one exists. Thread-safe.
 */
public final class SignatureVerifier {
  /**
   * Who made the good signature: primary key fingerprint, signing (sub)key id, when, and when the
   * signing key (or its primary) expires (null: never).
   */
  public record Verified(String fingerprint, String keyId, Instant created, Instant keyExpiry) {}

  private final Keyring keyring;

  public SignatureVerifier(Keyring keyring) {
    this.keyring = keyring;
  }

  /** Verifies a clear-signed message (InRelease) and returns its signed text. */
  public String verifyClearSigned(String message, String name, Instant now) {
    ClearSigned cs = ClearSigned.parse(message, name);
    verifyDetached(cs.canonical(), cs.signatureArmor(), name, now);
    return cs.text();
  }

  /** Verifies a detached signature (Release.gpg, binary or armored) over {@code data}. */
  public Verified verifyDetached(byte[] data, byte[] signature, String name, Instant now) {
    List<PGPSignature> sigs = signatures(signature, name);
    List<String> unknown = new ArrayList<>();
    Verified good = null;
    for (PGPSignature sig : sigs) {
      String id = Keyring.keyId(sig.getKeyID());
      Keyring.Found f = keyring.find(sig.getKeyID()).orElse(null);
      if (f == null) {
        unknown.add(id);
        continue;
      }
      checkKey(f, sig, name, now);
      if (!verifies(sig, f.key(), data)) {
        throw new PgpException(
            name
                + ": BAD signature by key "
                + id
                + " ("
                + f.primaryFingerprint()
                + "): the file was modified after it was signed, or is corrupt");
      }
      good = new Verified(f.primaryFingerprint(), id, sig.getCreationTime().toInstant(), expiry(f));
    }
    if (good == null) {
      throw new PgpException(
          name
              + ": no signature by a trusted key; signed by "
              + (unknown.isEmpty() ? "nobody" : String.join(", ", unknown))
              + ", trusted keyrings: "
              + String.join(", ", keyring.sources())
              + ". Add the repository's key to the keyring (template argument 'keyring').");
    }
    return good;
  }

  private static void checkKey(Keyring.Found f, PGPSignature sig, String name, Instant now) {
    String id = Keyring.keyId(sig.getKeyID());
    int h = sig.getHashAlgorithm();
    if (h == HashAlgorithmTags.MD5
        || h == HashAlgorithmTags.SHA1
        || h == HashAlgorithmTags.RIPEMD160) {
      throw new PgpException(name + ": signature by key " + id + " uses a weak digest algorithm");
    }
    PGPPublicKey k = f.key();
    PGPPublicKey primary = f.ring().getPublicKey();
    if (k.hasRevocation() || primary.hasRevocation()) {
      throw new PgpException(
          name + ": signed by revoked key " + id + " (" + f.primaryFingerprint() + ")");
    }
    for (PGPPublicKey key : List.of(k, primary)) {
      long valid = key.getValidSeconds();
      if (valid > 0) {
        Instant expiry = key.getCreationTime().toInstant().plusSeconds(valid);
        if (now.isAfter(expiry)) {
          throw new PgpException(
              name
                  + ": signed by key "
                  + id
                  + " ("
                  + f.primaryFingerprint()
                  + ") which expired at "
                  + expiry
                  + "; update the keyring");
        }
      }
    }
  }

  private static Instant expiry(Keyring.Found f) {
    Instant min = null;
    for (PGPPublicKey key : List.of(f.key(), f.ring().getPublicKey())) {
      long valid = key.getValidSeconds();
      if (valid > 0) {
        Instant e = key.getCreationTime().toInstant().plusSeconds(valid);
        min = min == null || e.isBefore(min) ? e : min;
      }
    }
    return min;
  }

  private static boolean verifies(PGPSignature sig, PGPPublicKey key, byte[] data) {
    try {
      sig.init(new BcPGPContentVerifierBuilderProvider(), key);
      sig.update(data);
      return sig.verify();
    } catch (PGPException e) {
      return false;
    }
  }

  private static List<PGPSignature> signatures(byte[] signature, String name) {
    List<PGPSignature> out = new ArrayList<>();
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(signature))) {
      JcaPGPObjectFactory f = new JcaPGPObjectFactory(in);
      for (Object o; (o = f.nextObject()) != null; ) {
        if (o instanceof PGPSignatureList l) {
          l.forEach(out::add);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new PgpException(name + ": cannot read the signature: " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new PgpException(name + ": the signature block holds no signature");
    }
    return out;
  }
}
