package dev.ingot.disk.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.disk.format.TestDisks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signature check on made-up headers (each way one can be wrong), and on real images: an EFI
 * application grub-mkimage makes is unsigned, and the same file after sbsign (with a throwaway key)
 * is signed, as sbverify lists it.
 */
class PeSignatureTest {
  @TempDir Path tmp;

  static byte[] pe(int magic, int dirCount, long offset, long length) {
    return TestPe.header(magic, dirCount, offset, length);
  }

  @Test
  void readsTheCertificateTableOfPe32PlusAndPe32() {
    assertThat(PeSignature.check(pe(0x20b, 16, 60_000, 1_000), 65_536).signed()).isTrue();
    assertThat(PeSignature.check(pe(0x10b, 16, 60_000, 1_000), 65_536).signed()).isTrue();
  }

  @Test
  void eachWayOfNotBeingSignedIsNamed() {
    assertThat(PeSignature.check(pe(0x20b, 16, 0, 0), 65_536).reason()).contains("empty");
    assertThat(PeSignature.check(pe(0x20b, 4, 60_000, 1_000), 65_536).reason())
        .contains("no certificate table");
    assertThat(PeSignature.check(pe(0x20b, 16, 65_000, 1_000), 65_536).reason())
        .contains("past the end");
    assertThat(PeSignature.check(pe(0x30b, 16, 60_000, 1_000), 65_536).reason()).contains("magic");
    byte[] notPe = pe(0x20b, 16, 60_000, 1_000);
    notPe[0x80] = 'X';
    assertThat(PeSignature.check(notPe, 65_536).reason()).contains("no PE header");
    assertThat(PeSignature.check("#!/bin/sh\n".getBytes(), 10).reason()).contains("no MZ");
    assertThat(PeSignature.check(Arrays.copyOf(pe(0x20b, 16, 1, 1), 0x100), 65_536).reason())
        .contains("truncated");
  }

  @Test
  @Tag("peer")
  void grubMkimageOutputIsUnsignedUntilSbsignSignsIt() throws Exception {
    Path cfg = tmp.resolve("early.cfg");
    Files.writeString(cfg, "set prefix=(hd0,gpt2)/boot/grub\n");
    Path efi = tmp.resolve("grub.efi");
    TestDisks.runOk(Grub.efiCommand(efi, cfg).toArray(String[]::new));
    assertThat(verdict(efi).signed()).isFalse();

    Path key = tmp.resolve("db.key");
    Path crt = tmp.resolve("db.crt");
    TestDisks.runOk(
        "openssl",
        "req",
        "-new",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=Ingot test db",
        "-keyout",
        key.toString(),
        "-out",
        crt.toString());
    Path signed = tmp.resolve("grub.signed.efi");
    TestDisks.runOk(
        "sbsign",
        "--key",
        key.toString(),
        "--cert",
        crt.toString(),
        "--output",
        signed.toString(),
        efi.toString());
    assertThat(verdict(signed).signed()).isTrue();
    assertThat(TestDisks.runOk("sbverify", "--list", signed.toString())).contains("Ingot test db");
  }

  private static PeSignature.Verdict verdict(Path p) throws Exception {
    byte[] all = Files.readAllBytes(p);
    return PeSignature.check(
        Arrays.copyOf(all, Math.min(all.length, PeSignature.HEADER_BYTES)), all.length);
  }
}
