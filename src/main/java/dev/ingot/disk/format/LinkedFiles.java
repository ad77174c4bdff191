package dev.ingot.disk.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the files that an image names may lie: a qcow2 backing file, a VMDK's extents and a VMDK
 * delta's parent. An image from elsewhere (a vendor's appliance, a download) can name any file on
 * the machine that converts it, such as {@code /etc/shadow} as a flat extent or a raw backing file,
 * and the conversion would copy that file into an image that is then published. This is the attack
 * behind OpenStack's CVE-2024-32498; qemu-img follows such names. So by default a name must lead,
 * after symbolic links, into the directory of the image that names it or below, and only the user
 * widens that (convert and disk-info's {@code --allow-outside-files}). A name must lead to a
 * regular file in either case: a device, a pipe or a directory holds no image (a pipe would never
 * end).
 */
public enum LinkedFiles {
  /** In the directory of the image that names them, or below (the default). */
  WITHIN_DIRECTORY,
  /** Anywhere: for images the user trusts, or a file the user named. */
  ANYWHERE;

  private static final String WHY =
      "an image from elsewhere could name any file on this machine and have it copied into the"
          + " output";

  /**
   * The file {@code name} (as {@code image} stores it: relative to the image's directory, or
   * absolute) leads to, checked. {@code role} says what it is to the image, e.g. "backing file".
   */
  Path resolve(Path image, String name, String role) throws IOException {
    Path dir = image.toAbsolutePath().getParent();
    Path file = dir == null ? Path.of(name) : dir.resolve(name);
    if (!Files.exists(file)) {
      throw new DiskFormatException(image + ": " + role + " " + file + " not found");
    }
    if (!Files.isRegularFile(file)) {
      throw new DiskFormatException(
          image
              + ": "
              + role
              + " "
              + file
              + " is not a regular file (a device, pipe or directory holds no image)");
    }
    if (this == WITHIN_DIRECTORY && dir != null) {
      Path real = file.toRealPath();
      Path home = dir.toRealPath();
      if (!real.startsWith(home)) {
        String where = real.equals(Path.of(name)) ? name : "'" + name + "' leads to " + real;
        throw new OutsideFileException(
            image
                + ": its "
                + role
                + " "
                + where
                + ", outside the image's directory "
                + home
                + ". Ingot follows such names only into that directory, since "
                + WHY);
      }
    }
    return file;
  }

  /** A name refused because it leads outside the image's directory. */
  public static final class OutsideFileException extends DiskFormatException {
    OutsideFileException(String message) {
      super(message);
    }

    /** The message followed by {@code what} the user may do about it. */
    public String withAdvice(String what) {
      return getMessage() + ". " + what;
    }
  }
}
