package dev.ingot.disk;

import dev.ingot.disk.boot.Grub;
import dev.ingot.disk.boot.GrubConfig;
import dev.ingot.disk.fs.Ext4;
import dev.ingot.disk.fs.Fat;
import dev.ingot.disk.part.Partition;
import dev.ingot.disk.part.PartitionTable;
import dev.ingot.fs.BlobStore;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.TreeExporter;
import dev.ingot.plugin.AtomicOutput;
import dev.ingot.plugin.ProcessNodeMaker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assembles a bootable raw disk from a root filesystem without loop devices, mounts or an
 * installer: partition table written here, ext4 made by mke2fs straight into the image at each
 * partition's offset, the EFI system partition made in a file and copied in, GRUB images built with
 * grub-mkimage and placed as grub-bios-setup would. The image appears only when complete. Not
 * thread-safe; one instance per disk.
 */
public final class DiskBuilder {
  private final Tools tools;
  private final Path work;
  private final PartitionRoom room;

  /** {@code work} is an empty scratch directory the caller removes afterwards. */
  public DiskBuilder(Tools tools, Path work) {
    this.tools = tools;
    this.work = work;
    this.room = new PartitionRoom(tools, work);
  }

  /**
   * {@code spec} with the smallest size, in whole 64 MiB, whose root filesystem holds the root's
   * files with {@link PartitionRoom#HEADROOM} percent to spare (a separate /boot keeps its size).
   */
  public DiskSpec fit(FileTree rootfs, BlobStore blobs, DiskSpec spec) throws IOException {
    DiskLayout layout = DiskLayout.plan(spec);
    DiskTree trees = DiskTree.of(rootfs, blobs, layout, BootFiles.find(rootfs), spec);
    Ext4 fs = ext4(layout.root(), layout.rootFs(), spec.rootLabel(), spec);
    return spec.withSize(room.smallest(trees.root(), fs, spec));
  }

  /** Builds the disk at {@code out} and returns its layout. */
  public DiskLayout build(FileTree rootfs, BlobStore blobs, DiskSpec spec, Path out)
      throws IOException {
    BootFiles files = BootFiles.find(rootfs);
    Optional<SignedBoot> signed =
        spec.secureBoot()
            ? Optional.of(SignedBoot.find(rootfs, blobs, files.kernel()))
            : Optional.empty();
    DiskLayout layout = DiskLayout.plan(spec);
    DiskTree trees = DiskTree.of(rootfs, blobs, layout, files, spec);
    // Both filesystems are checked before either is made (the exports take a while).
    room.check(
        trees.root(), ext4(layout.root(), layout.rootFs(), spec.rootLabel(), spec), spec, true);
    if (trees.boot() != null) {
      Partition boot = layout.boot().orElseThrow();
      room.check(trees.boot(), ext4(boot, layout.bootFs(), "boot", spec), spec, false);
    }
    try (AtomicOutput tmp = AtomicOutput.file(out)) {
      Path img = tmp.path();
      try (FileChannel ch = FileChannel.open(img, StandardOpenOption.WRITE)) {
        ch.write(ByteBuffer.allocate(1), spec.size() - 1); // sparse, full size
      }
      makeExt4(
          trees.root(), blobs, layout.root(), layout.rootFs(), spec.rootLabel(), spec, img, true);
      if (trees.boot() != null) {
        makeExt4(
            trees.boot(),
            blobs,
            layout.boot().orElseThrow(),
            layout.bootFs(),
            "boot",
            spec,
            img,
            false);
      }
      Path early = work.resolve("early.cfg");
      Files.writeString(early, trees.grub().early());
      try (FileChannel ch =
          FileChannel.open(img, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
        if (layout.esp().isPresent()) {
          Path esp =
              signed.isPresent()
                  ? makeSignedEsp(signed.get(), blobs, trees.grub(), spec)
                  : makeEsp(early, spec);
          copyInto(ch, esp, layout.esp().get().offset());
        }
        List<PartitionTable.Piece> pieces = layout.table().encode();
        for (PartitionTable.Piece p : pieces) {
          byte[] bytes = p.bytes();
          if (p.offset() == 0 && spec.boot().bios()) {
            bytes =
                Grub.bootSector(
                    Files.readAllBytes(Grub.PC_DIR.resolve("boot.img")), bytes, layout.coreLba());
            writeCore(ch, early, layout);
          }
          write(ch, p.offset(), bytes);
        }
      }
      tmp.commit(true);
    }
    return layout;
  }

  private void makeExt4(
      FileTree tree,
      BlobStore blobs,
      Partition part,
      java.util.UUID uuid,
      String label,
      DiskSpec spec,
      Path img,
      boolean root)
      throws IOException {
    Ext4 fs = ext4(part, uuid, label, spec);
    Path dir = Files.createDirectories(work.resolve("tree-" + part.number()));
    exportTree(tree, blobs, dir);
    try {
      tools.run(fs.mke2fs(img, dir), null, fs.env());
    } catch (DiskException e) {
      if (PartitionRoom.outOfRoom(e)) {
        throw room.noRoom(tree, fs, spec, root);
      }
      throw e;
    }
    Path script = work.resolve("ctime-" + part.number() + ".debugfs");
    Files.writeString(script, fs.ctimeScript(tree), StandardCharsets.UTF_8);
    tools.run(
        List.of("debugfs", "-w", "-f", script.toString(), fs.debugfsDevice(img)), null, fs.env());
    AtomicOutput.deleteTree(dir);
  }

  private static Ext4 ext4(Partition part, java.util.UUID uuid, String label, DiskSpec spec) {
    return new Ext4(uuid, label, part.offset(), part.size(), spec.epoch());
  }

  private Path makeEsp(Path early, DiskSpec spec) throws IOException {
    Path efi = work.resolve("BOOTX64.EFI");
    tools.run(Grub.efiCommand(efi, early));
    return fillEsp(spec, List.of("EFI", "EFI/BOOT"), Map.of("EFI/BOOT/BOOTX64.EFI", efi));
  }

  /**
   * The ESP of a Secure Boot disk: shim as the removable-media loader, which starts the signed GRUB
   * beside it (and MokManager, when a key enrolment is pending). That GRUB is the distribution's,
   * with its modules built in and no embedded search for our disk, so a small grub.cfg that finds
   * /boot/grub by UUID goes where it looks: its own prefix directory (e.g. /EFI/debian) and, as its
   * fallback, the directory it was started from.
   */
  private Path makeSignedEsp(SignedBoot sb, BlobStore blobs, GrubConfig grub, DiskSpec spec)
      throws IOException {
    Map<String, Path> files = new LinkedHashMap<>();
    files.put("EFI/BOOT/BOOTX64.EFI", export(blobs, sb.shim(), "shimx64.efi"));
    files.put("EFI/BOOT/grubx64.efi", export(blobs, sb.grub(), "grubx64.efi"));
    if (sb.mokManager().isPresent()) {
      files.put("EFI/BOOT/mmx64.efi", export(blobs, sb.mokManager().get(), "mmx64.efi"));
    }
    Path stub = work.resolve("grub-stub.cfg");
    Files.writeString(stub, grub.espStub(), StandardCharsets.UTF_8);
    files.put("EFI/BOOT/grub.cfg", stub);
    List<String> dirs = new ArrayList<>(List.of("EFI", "EFI/BOOT"));
    Optional<String> prefix = sb.grubPrefix();
    if (prefix.isPresent() && !prefix.get().equalsIgnoreCase("EFI/BOOT")) {
      dirs.add(prefix.get());
      files.put(prefix.get() + "/grub.cfg", stub);
    }
    return fillEsp(spec, dirs, files);
  }

  /** A FAT32 ESP image holding {@code files} (ESP path → file) in {@code dirs}, in that order. */
  private Path fillEsp(DiskSpec spec, List<String> dirs, Map<String, Path> files)
      throws IOException {
    Path esp = work.resolve("esp.img");
    Fat fat = new Fat("EFI", spec.espSize(), spec.epoch());
    tools.run(fat.mkfs(esp), null, fat.env());
    for (Path f : files.values()) {
      Files.setLastModifiedTime(f, FileTime.fromMillis(spec.epoch() * 1000));
    }
    for (List<String> cmd : fat.populate(esp, dirs, files)) {
      tools.run(cmd, null, fat.env());
    }
    return esp;
  }

  private Path export(BlobStore blobs, FileEntry e, String name) throws IOException {
    Path p = work.resolve(name);
    try (InputStream in = blobs.open(e.content())) {
      Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
    }
    return p;
  }

  private void writeCore(FileChannel ch, Path early, DiskLayout layout) throws IOException {
    Path core = work.resolve("core.img");
    tools.run(Grub.biosCoreCommand(core, early));
    byte[] bytes = Files.readAllBytes(core);
    if (bytes.length > layout.coreMaxSectors() * 512) {
      throw new DiskException(
          "GRUB core.img ("
              + bytes.length
              + " bytes) does not fit the space for it ("
              + layout.coreMaxSectors() * 512
              + " bytes)");
    }
    write(ch, layout.coreLba() * 512, Grub.placeCore(bytes, layout.coreLba()));
  }

  /** Copies a filesystem image into the disk, skipping its zero blocks (they stay holes). */
  private static void copyInto(FileChannel disk, Path image, long offset) throws IOException {
    try (FileChannel in = FileChannel.open(image)) {
      ByteBuffer b = ByteBuffer.allocateDirect(1 << 16);
      ByteBuffer zero = ByteBuffer.allocateDirect(1 << 16);
      for (long pos = 0; pos < in.size(); pos += b.capacity()) {
        b.clear();
        int n = in.read(b, pos);
        b.flip();
        if (n > 0 && b.mismatch(zero.slice(0, n)) >= 0) {
          write(disk, offset + pos, b);
        }
      }
    }
  }

  private static void write(FileChannel ch, long pos, byte[] bytes) throws IOException {
    write(ch, pos, ByteBuffer.wrap(bytes));
  }

  private static void write(FileChannel ch, long pos, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      pos += ch.write(b, pos);
    }
  }

  /** Exports {@code tree} for mke2fs, device nodes and fifos included (made with mknod). */
  private void exportTree(FileTree tree, BlobStore blobs, Path dir) throws IOException {
    new TreeExporter(
            blobs,
            new ProcessNodeMaker(tools.runner()),
            new TreeExporter.Options(true, tools.cancellation()::check))
        .export(tree, dir);
    // mke2fs -d copies extended attributes (file capabilities) from the directory.
    dev.ingot.fs.XattrDump.write(tree, dir, dir.getParent(), tools::run);
  }
}
