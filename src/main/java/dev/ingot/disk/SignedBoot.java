package dev.ingot.disk;

import dev.ingot.disk.boot.PeSignature;
import dev.ingot.fs.BlobStore;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.FileType;
import dev.ingot.fs.FsPaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distribution's signed UEFI boot chain for Secure Boot, taken from the root filesystem: shim
 * (signed by the Microsoft UEFI CA that firmware trusts, and carrying the distribution's key), the
 * GRUB the distribution signed, and MokManager when it is there. They come from the image's own
 * packages (Debian's shim-signed and grub-efi-amd64-signed), never from the host, so that the chain
 * matches the kernel the image carries. Every piece and the kernel are checked to be signed PE
 * images before a disk is built. Entries are the files' tree entries; {@code grubPrefix} is the ESP
 * directory the signed GRUB reads its grub.cfg from first, as built into its image ({@code
 * EFI/debian} for Debian's), or empty when it cannot be found: GRUB then falls back to the
 * directory it was started from, where the disk step puts a grub.cfg too. Immutable.
 */
public record SignedBoot(
    FileEntry shim, FileEntry grub, Optional<FileEntry> mokManager, Optional<String> grubPrefix) {
  static final String SHIM = "usr/lib/shim/shimx64.efi.signed";
  static final String GRUB = "usr/lib/grub/x86_64-efi-signed/grubx64.efi.signed";
  static final String MOK_MANAGER = "usr/lib/shim/mmx64.efi.signed";

  /**
   * The directory a signed GRUB looks in first ({@code -p} of its grub-mkimage), e.g. /EFI/debian.
   */
  private static final Pattern PREFIX = Pattern.compile("\0(/EFI/[A-Za-z0-9._-]{1,32})\0");

  /**
   * Finds and checks the chain for {@code kernel} (a tree path); a DiskException says what is
   * missing.
   */
  public static SignedBoot find(FileTree tree, BlobStore blobs, String kernel) throws IOException {
    Optional<FileEntry> shim = regular(tree, SHIM);
    Optional<FileEntry> grub = regular(tree, GRUB);
    if (shim.isEmpty() || grub.isEmpty()) {
      throw new DiskException(
          "secure_boot needs the distribution's signed boot loaders in the root filesystem ("
              + (shim.isEmpty() ? SHIM : GRUB)
              + " is missing): add the packages shim-signed and grub-efi-amd64-signed to the"
              + " source");
    }
    Optional<FileEntry> mok = regular(tree, MOK_MANAGER);
    requireSigned(start(blobs, shim.get()), shim.get(), notSigned(shim.get()));
    // GRUB is read whole once: its headers say whether it is signed, its body holds its prefix.
    byte[] grubImage;
    try (InputStream in = blobs.open(grub.get().content())) {
      grubImage = in.readAllBytes();
    }
    requireSigned(grubImage, grub.get(), notSigned(grub.get()));
    if (mok.isPresent()) {
      requireSigned(start(blobs, mok.get()), mok.get(), notSigned(mok.get()));
    }
    FileEntry k =
        regular(tree, kernel)
            .orElseThrow(() -> new DiskException("the kernel " + kernel + " is not a file"));
    requireSigned(
        start(blobs, k),
        k,
        "the kernel "
            + kernel
            + " is not signed, and Secure Boot would refuse to start it: install the"
            + " distribution's signed kernel (on Debian linux-image-amd64 or"
            + " linux-image-cloud-amd64, not an -unsigned package)");
    return new SignedBoot(shim.get(), grub.get(), mok, prefix(grubImage));
  }

  /** The prefix directory built into a GRUB image, without its leading slash. */
  private static Optional<String> prefix(byte[] grubImage) {
    Matcher m = PREFIX.matcher(new String(grubImage, StandardCharsets.ISO_8859_1));
    return m.find() ? Optional.of(m.group(1).substring(1)) : Optional.empty();
  }

  private static String notSigned(FileEntry loader) {
    return "the boot loader " + loader.path() + " is not signed";
  }

  /** The first {@link PeSignature#HEADER_BYTES} of {@code e}, or all of it when shorter. */
  private static byte[] start(BlobStore blobs, FileEntry e) throws IOException {
    try (InputStream in = blobs.open(e.content())) {
      return in.readNBytes(PeSignature.HEADER_BYTES);
    }
  }

  /** {@code image} is the start of {@code e} or all of it; only its headers are looked at. */
  private static void requireSigned(byte[] image, FileEntry e, String what) throws DiskException {
    byte[] head =
        image.length > PeSignature.HEADER_BYTES
            ? Arrays.copyOf(image, PeSignature.HEADER_BYTES)
            : image;
    PeSignature.Verdict v = PeSignature.check(head, e.size());
    if (!v.signed()) {
      throw new DiskException(what + " (" + v.reason() + ")");
    }
  }

  /**
   * The regular file at {@code path}, through symlinks (as the kernel resolves them) and hard
   * links.
   */
  static Optional<FileEntry> regular(FileTree tree, String path) {
    String p = path;
    for (int hops = 0; hops < 16; hops++) {
      Optional<FileEntry> e = tree.get(p);
      if (e.isEmpty()) {
        return Optional.empty();
      }
      FileEntry f = e.get();
      if (f.isRegular() && f.content() != null) {
        return e;
      }
      if (f.type() == FileType.SYMLINK) {
        p = FsPaths.resolveLink(p, f.linkTarget());
      } else if (f.type() == FileType.HARDLINK) {
        p = f.linkTarget();
      } else {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
