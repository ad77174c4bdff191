package dev.ingot.provision.chroot;

import dev.ingot.artifact.Artifact;
import dev.ingot.artifact.InstalledPackage;
import dev.ingot.artifact.RootFs;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.TreeExporter;
import dev.ingot.fs.TreeImporter;
import dev.ingot.fs.XattrDump;
import dev.ingot.plugin.AtomicOutput;
import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.Communicator;
import dev.ingot.plugin.ProcessRunner;
import dev.ingot.plugin.ProvisionSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Provisioning of a {@link RootFs}: the tree is written to a work directory, provisioners run in it
 * through a {@link ChrootCommunicator}, and {@link #finish} reads the directory back (mtimes past
 * SOURCE_DATE_EPOCH clamped to it) and the package list again through {@code packages}, so later
 * steps see what the provisioners changed. {@link #close} deletes the work directory. Not
 * thread-safe.
 */
public final class ChrootSession implements ProvisionSession {
  private final RootFs input;
  private final Path work;
  private final Path root;
  private final long sourceDateEpoch;
  private final BiFunction<FileTree, List<InstalledPackage>, List<InstalledPackage>> packages;
  private final ChrootCommunicator communicator;
  private final XattrDump.Runner attr;

  private ChrootSession(
      RootFs input,
      Path work,
      long sde,
      boolean network,
      ProcessRunner runner,
      Cancellation c,
      BiFunction<FileTree, List<InstalledPackage>, List<InstalledPackage>> packages) {
    this.input = input;
    this.work = work;
    this.root = work.resolve("root");
    this.sourceDateEpoch = sde;
    this.packages = packages;
    this.communicator = new ChrootCommunicator(new Chroot(root, runner, c, network));
    this.attr = Chroot.attrTools(runner);
  }

  /**
   * Opens a session for a build step: a fresh work directory under {@code workParent} (made if
   * missing) that the step's cleanups remove, the step's epoch, processes and cancellation.
   */
  public static ChrootSession forStep(
      RootFs fs,
      Path workParent,
      dev.ingot.plugin.StepContext ctx,
      boolean network,
      BiFunction<FileTree, List<InstalledPackage>, List<InstalledPackage>> packages)
      throws IOException {
    Files.createDirectories(workParent);
    Path work = Files.createTempDirectory(workParent, "provision");
    ctx.cleanups().add("remove " + work, () -> AtomicOutput.deleteTree(work));
    return open(
        fs, work, ctx.sourceDateEpoch(), network, ctx.processes(), ctx.cancellation(), packages);
  }

  /**
   * Opens a session on a fresh {@code work} directory (deleted on close). {@code packages} re-reads
   * the package list from the changed tree, given the list before.
   */
  public static ChrootSession open(
      RootFs fs,
      Path work,
      long sde,
      boolean network,
      ProcessRunner runner,
      Cancellation c,
      BiFunction<FileTree, List<InstalledPackage>, List<InstalledPackage>> packages)
      throws IOException {
    Chroot.requireRoot(runner, "provisioning a root filesystem");
    ChrootSession s = new ChrootSession(fs, work, sde, network, runner, c, packages);
    try {
      Files.createDirectories(s.root);
      new TreeExporter(
              fs.blobs(), Chroot.nodeMaker(runner), new TreeExporter.Options(true, c::check))
          .export(fs.tree(), s.root);
      XattrDump.write(fs.tree(), s.root, work, s.attr);
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
    return s;
  }

  @Override
  public Communicator communicator() {
    return communicator;
  }

  @Override
  public Artifact finish() throws IOException {
    FileTree t =
        XattrDump.attach(
            new TreeImporter(input.blobs()).importDir(root), XattrDump.read(root, work, attr));
    if (sourceDateEpoch >= 0) {
      t = t.map(e -> e.mtime() > sourceDateEpoch ? e.withMtime(sourceDateEpoch) : e);
    }
    return new RootFs(
        t,
        input.blobs(),
        packages.apply(t, input.packages()),
        input.variant(),
        input.architecture(),
        input.osRelease());
  }

  @Override
  public void close() throws IOException {
    AtomicOutput.deleteTree(work);
  }
}
