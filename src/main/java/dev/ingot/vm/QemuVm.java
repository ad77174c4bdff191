package dev.ingot.vm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The QEMU command line for booting one disk image headless: the given accelerator, the serial
 * console to a file, no network unless asked, no reboot on guest reset. The accelerator is chosen
 * by {@link Accelerator#probe}. Pure; immutable.
 */
public record QemuVm(
    Path disk,
    String format,
    Firmware firmware,
    int memoryMib,
    int cpus,
    Path serialLog,
    String diskBus,
    Accelerator accel) {
  public QemuVm {
    if (memoryMib < 128 || cpus < 1) {
      throw new IllegalArgumentException("a VM needs at least 128 MiB and one CPU");
    }
    if (!List.of("virtio", "ide", "scsi").contains(diskBus)) {
      throw new IllegalArgumentException("disk bus must be virtio, ide or scsi: " + diskBus);
    }
  }

  public List<String> command() {
    List<String> c = new ArrayList<>();
    c.addAll(
        List.of(
            "qemu-system-x86_64",
            "-accel",
            accel.qemuName(),
            "-machine",
            firmware.machine(),
            "-m",
            Integer.toString(memoryMib),
            "-smp",
            Integer.toString(cpus),
            "-display",
            "none",
            "-monitor",
            "none",
            "-serial",
            "file:" + serialLog,
            "-nic",
            "none",
            "-no-reboot"));
    c.addAll(firmware.qemuArgs());
    String drive = "file=" + disk + ",format=" + format + ",snapshot=on";
    switch (diskBus) {
      case "virtio" -> c.addAll(List.of("-drive", drive + ",if=virtio"));
      case "ide" -> c.addAll(List.of("-drive", drive + ",if=ide"));
      default ->
          c.addAll(
              List.of(
                  "-device",
                  "virtio-scsi-pci,id=scsi0",
                  "-drive",
                  drive + ",if=none,id=d0",
                  "-device",
                  "scsi-hd,drive=d0,bus=scsi0.0"));
    }
    return c;
  }
}
