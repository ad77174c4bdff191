package dev.ingot.disk;

import dev.ingot.disk.boot.GrubConfig;
import dev.ingot.fs.BlobStore;
import dev.ingot.fs.Digest;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.FsPaths;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The file trees that go into a disk's filesystems: the root filesystem plus what booting from this
 * disk needs (grub.cfg, an fstab by UUID, the /boot/efi mount point), split into root and /boot
 * trees when /boot has its own partition. Pure apart from storing the new files' contents.
 */
public record DiskTree(FileTree root, FileTree boot, GrubConfig grub) {

  public static DiskTree of(
      FileTree rootfs, BlobStore blobs, DiskLayout layout, BootFiles files, DiskSpec spec)
      throws IOException {
    boolean sepBoot = layout.boot().isPresent();
    String kernel = sepBoot ? "/" + files.kernel().substring(5) : "/" + files.kernel();
    String initrd = sepBoot ? "/" + files.initrd().substring(5) : "/" + files.initrd();
    GrubConfig grub =
        new GrubConfig(
            sepBoot ? layout.bootFs() : layout.rootFs(),
            sepBoot ? "/grub" : "/boot/grub",
            layout.rootFs(),
            kernel,
            initrd,
            spec.kernelArgs(),
            "Ingot image (" + files.version() + ")");
    long t = spec.epoch();
    FileTree.Builder b = rootfs.toBuilder();
    put(b, blobs, "boot/grub/grub.cfg", grub.grubCfg(), 0644, t);
    put(b, blobs, "etc/fstab", fstab(layout), 0644, t);
    if (layout.esp().isPresent()) {
      b.putWithParents(FileEntry.directory("boot/efi", 0755, 0, 0, t), 0755, t);
    }
    FileTree all = b.build();
    if (!sepBoot) {
      return new DiskTree(all, null, grub);
    }
    FileTree.Builder root = all.toBuilder().remove("boot");
    root.put(all.get("boot").orElseThrow().withPath("boot"));
    FileTree.Builder boot = FileTree.builder();
    for (FileEntry e : all.under("boot")) {
      String rel = e.path().equals("boot") ? "" : e.path().substring(5);
      FileEntry moved = e.withPath(rel);
      if (e.type() == dev.ingot.fs.FileType.HARDLINK) {
        if (!e.linkTarget().startsWith("boot/")) {
          throw new DiskException("hard link " + e.path() + " crosses the /boot partition");
        }
        moved =
            FileEntry.hardlink(
                rel, e.linkTarget().substring(5), e.mode(), e.uid(), e.gid(), e.mtime());
      }
      boot.put(moved);
    }
    if (layout.esp().isPresent()) {
      root.putWithParents(FileEntry.directory("boot", 0755, 0, 0, t), 0755, t);
    }
    return new DiskTree(root.build(), boot.build(), grub);
  }

  /** fstab by UUID; the ESP by partition UUID (its FAT volume id is not ours to choose). */
  static String fstab(DiskLayout l) {
    StringBuilder s = new StringBuilder("# Written by Ingot: filesystems by UUID.\n");
    s.append("UUID=").append(l.rootFs()).append(" / ext4 errors=remount-ro 0 1\n");
    l.boot()
        .ifPresent(p -> s.append("UUID=").append(l.bootFs()).append(" /boot ext4 defaults 0 2\n"));
    l.esp()
        .ifPresent(
            p ->
                s.append("PARTUUID=")
                    .append(partUuid(l, p.number(), p.guid().toString()))
                    .append(" /boot/efi vfat umask=0077,nofail 0 1\n"));
    return s.toString();
  }

  private static String partUuid(DiskLayout l, int number, String gptGuid) {
    return l.table().scheme() == dev.ingot.disk.part.PartitionTable.Scheme.GPT
        ? gptGuid
        : l.table().mbrPartUuid(number);
  }

  static void put(FileTree.Builder b, BlobStore blobs, String path, String text, int mode, long t)
      throws IOException {
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    Digest d = blobs.put(new ByteArrayInputStream(data));
    FsPaths.normalize(path);
    b.putWithParents(FileEntry.file(path, mode, 0, 0, t, data.length, d), 0755, t);
  }

  /** All trees, root first. */
  public List<FileTree> trees() {
    return boot == null ? List.of(root) : List.of(root, boot);
  }
}
