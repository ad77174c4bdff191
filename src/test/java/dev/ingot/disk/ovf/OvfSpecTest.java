package dev.ingot.disk.ovf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.disk.ovf.OvfSpec.Setting;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each refusal of OvfSpec names the setting it is about, whatever its message says. */
class OvfSpecTest {
  private static OvfSpec spec(
      String vmName, int cpus, int memory, String hw, String scsi, boolean efi, boolean sb) {
    return spec(vmName, cpus, memory, hw, scsi, efi, sb, Map.of());
  }

  private static OvfSpec spec(
      String vmName,
      int cpus,
      int memory,
      String hw,
      String scsi,
      boolean efi,
      boolean sb,
      Map<String, String> properties) {
    return new OvfSpec(
        vmName,
        cpus,
        memory,
        hw,
        "other5xLinux64Guest",
        scsi,
        "VM Network",
        false,
        efi,
        sb,
        properties);
  }

  private static void refuses(Runnable make, Setting setting, String message) {
    assertThatThrownBy(make::run)
        .isInstanceOfSatisfying(
            OvfSpecException.class, e -> assertThat(e.setting()).isEqualTo(setting))
        .hasMessageContaining(message);
  }

  @Test
  void eachRefusalNamesItsSetting() {
    refuses(
        () -> spec("-vm", 2, 2048, "vmx-13", "VirtualSCSI", true, false), Setting.VM_NAME, "-vm");
    refuses(() -> spec(null, 2, 2048, "vmx-13", "VirtualSCSI", true, false), Setting.VM_NAME, "");
    refuses(() -> spec("vm", 0, 2048, "vmx-13", "VirtualSCSI", true, false), Setting.CPUS, "not 0");
    refuses(() -> spec("vm", 769, 2048, "vmx-13", "VirtualSCSI", true, false), Setting.CPUS, "769");
    refuses(() -> spec("vm", 2, 3, "vmx-13", "VirtualSCSI", true, false), Setting.MEMORY, "not 3");
    refuses(
        () -> spec("vm", 2, 2048, "13", "VirtualSCSI", true, false),
        Setting.HARDWARE_VERSION,
        "'13'");
    refuses(
        () -> spec("vm", 2, 2048, "vmx-13", "ide", true, false), Setting.SCSI_CONTROLLER, "'ide'");
    refuses(
        () -> spec("vm", 2, 2048, "vmx-13", "VirtualSCSI", false, true),
        Setting.SECURE_BOOT,
        "EFI firmware");
    refuses(
        () -> spec("vm", 2, 2048, "vmx-11", "VirtualSCSI", true, true),
        Setting.HARDWARE_VERSION,
        "vmx-13 or later");
    refuses(
        () -> spec("vm", 2, 2048, "vmx-13", "VirtualSCSI", true, false, Map.of("colour", "x")),
        Setting.PROPERTIES,
        "'colour'");
  }
}
