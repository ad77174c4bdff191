package dev.ingot.disk.format;

import dev.ingot.fs.tar.TarIndex;
import dev.ingot.fs.tar.TarIndex.Member;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The disk inside an OVA, read in place: an OVA is a tar whose first member is the .ovf, and its
 * VMDK member is read where it lies in the tar, so converting a vendor's appliance needs no {@code
 * tar xf} first (qemu-img needs one). An OVA with more than one disk is refused with their names.
 * Stateless.
 */
final class OvaDisk {
  private OvaDisk() {}

  /**
   * Whether {@code head} (the file's first 512 bytes) starts a tar whose first member is a .ovf
   * file; a PAX header first counts (its name is checked when the members are read).
   */
  static boolean isOva(ByteBuffer head) {
    String first = TarIndex.firstName(head);
    return first != null && (first.isEmpty() || first.toLowerCase(Locale.ROOT).endsWith(".ovf"));
  }

  /** The regular members, from their headers alone: the disks' bytes are seeked over. */
  static List<Member> members(Path ova) throws IOException {
    try (FileChannel ch = FileChannel.open(ova)) {
      return TarIndex.regularMembers(ch);
    }
  }

  /** Opens the one VMDK of the OVA at {@code ova}. */
  static DiskReader open(Path ova, Chain chain) throws IOException {
    List<Member> members;
    try {
      members = members(ova);
    } catch (IOException e) {
      throw new DiskFormatException(ova + ": not a readable OVA (" + e.getMessage() + ")");
    }
    if (members.isEmpty() || !members.getFirst().name().toLowerCase(Locale.ROOT).endsWith(".ovf")) {
      throw new DiskFormatException(ova + ": a tar whose first member is not an .ovf descriptor");
    }
    List<Member> disks =
        members.stream().filter(m -> m.name().toLowerCase(Locale.ROOT).endsWith(".vmdk")).toList();
    if (disks.isEmpty()) {
      throw new DiskFormatException(ova + ": the OVA holds no VMDK disk");
    }
    if (disks.size() > 1) {
      throw new DiskFormatException(
          ova
              + ": the OVA holds "
              + disks.size()
              + " disks ("
              + String.join(", ", disks.stream().map(Member::name).toList())
              + "); extract the one to convert with tar xf");
    }
    Member d = disks.getFirst();
    return VmdkReader.window(FileChannel.open(ova), ova, d.offset(), d.size(), chain);
  }
}
