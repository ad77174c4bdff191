package dev.ingot.pkg.pgp;

import java.nio.charset.StandardCharsets;

/**
 * A cleartext-signed message (RFC 4880 section 7), as apt's InRelease is: the text as the signature
 * covers it and the armored signature block. Parsing is strict: anything before the header or after
 * the signature is refused, so no unsigned text can ride along. Immutable.
 */
public record ClearSigned(String text, byte[] canonical, byte[] signatureArmor) {
  private static final String BEGIN = "-----BEGIN PGP SIGNED MESSAGE-----";
  private static final String SIG = "-----BEGIN PGP SIGNATURE-----";
  private static final String END = "-----END PGP SIGNATURE-----";

  /** Parses the message; {@code name} names it in errors. */
  public static ClearSigned parse(String message, String name) {
    String[] lines = message.replace("\r\n", "\n").split("\n", -1);
    int i = 0;
    if (lines.length == 0 || !lines[0].strip().equals(BEGIN)) {
      throw new PgpException(name + ": not a clear-signed message (no '" + BEGIN + "' line)");
    }
    i++;
    while (i < lines.length && !lines[i].isBlank()) { // armor headers such as "Hash: SHA256"
      if (!lines[i].startsWith("Hash:")) {
        throw new PgpException(name + ": unexpected armor header '" + lines[i] + "'");
      }
      i++;
    }
    i++;
    StringBuilder text = new StringBuilder();
    StringBuilder canon = new StringBuilder();
    boolean first = true;
    for (; i < lines.length; i++) {
      String l = lines[i];
      if (l.equals(SIG)) {
        break;
      }
      if (l.startsWith("-")) {
        if (!l.startsWith("- ")) {
          throw new PgpException(name + ": bad dash-escaped line '" + l + "'");
        }
        l = l.substring(2);
      }
      l = l.stripTrailing();
      if (!first) {
        canon.append("\r\n");
      }
      first = false;
      canon.append(l);
      text.append(l).append('\n');
    }
    if (i >= lines.length) {
      throw new PgpException(name + ": the signed message has no signature block");
    }
    StringBuilder armor = new StringBuilder();
    boolean ended = false;
    for (; i < lines.length; i++) {
      armor.append(lines[i]).append('\n');
      if (lines[i].strip().equals(END)) {
        ended = true;
        i++;
        break;
      }
    }
    if (!ended) {
      throw new PgpException(name + ": the signature block is not terminated");
    }
    for (; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        throw new PgpException(name + ": text after the signature block is not allowed");
      }
    }
    return new ClearSigned(
        text.toString(),
        canon.toString().getBytes(StandardCharsets.UTF_8),
        armor.toString().getBytes(StandardCharsets.US_ASCII));
  }
}
