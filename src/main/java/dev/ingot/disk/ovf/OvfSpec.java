package dev.ingot.disk.ovf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The virtual machine an OVF describes. {@code memoryMib} in MiB; {@code hardwareVersion} as
 * "vmx-13"; {@code scsi} is VirtualSCSI (paravirtual) or lsilogic; {@code efi} sets the firmware;
 * {@code properties} are ProductSection properties (cloud-init's OVF datasource reads instance-id,
 * hostname, public-keys, user-data, seedfrom) with their default values. Immutable.
 */
public record OvfSpec(
    String vmName,
    int cpus,
    int memoryMib,
    String hardwareVersion,
    String osType,
    String scsi,
    String network,
    boolean cdrom,
    boolean efi,
    boolean secureBoot,
    Map<String, String> properties) {
  /** The properties cloud-init's OVF datasource understands. */
  public static final List<String> CLOUD_INIT_KEYS =
      List.of("instance-id", "hostname", "seedfrom", "public-keys", "user-data", "password");

  /** The settings OvfSpec checks, named in the {@link OvfSpecException} that refuses one. */
  public enum Setting {
    VM_NAME,
    CPUS,
    MEMORY,
    HARDWARE_VERSION,
    SCSI_CONTROLLER,
    SECURE_BOOT,
    PROPERTIES
  }

  /**
   * Throws an {@link OvfSpecException} naming the first setting it refuses, with every other
   * refusal in {@link OvfSpecException#all}.
   */
  public OvfSpec {
    properties = Map.copyOf(properties);
    List<OvfSpecException> bad = new ArrayList<>();
    if (vmName == null || !vmName.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,79}")) {
      bad.add(
          new OvfSpecException(
              Setting.VM_NAME, "vm_name must be 1-80 letters, digits, '.', '_' or '-': " + vmName));
    }
    if (cpus < 1 || cpus > 768) {
      bad.add(new OvfSpecException(Setting.CPUS, "cpus must be 1-768, not " + cpus));
    }
    if (memoryMib < 4) {
      bad.add(
          new OvfSpecException(Setting.MEMORY, "memory must be at least 4 MiB, not " + memoryMib));
    }
    // The VMXNET3 NIC and the paravirtual SCSI controller came with version 7.
    int version =
        hardwareVersion.matches("vmx-[0-9]{1,2}")
            ? Integer.parseInt(hardwareVersion.substring(4))
            : -1;
    if (version < 0) {
      bad.add(
          new OvfSpecException(
              Setting.HARDWARE_VERSION,
              "hardware_version must look like vmx-13, not '" + hardwareVersion + "'"));
    } else if (version < 7) {
      bad.add(
          new OvfSpecException(
              Setting.HARDWARE_VERSION,
              "hardware_version must be vmx-7 or later (VMXNET3 and the paravirtual SCSI"
                  + " controller need 7), not '"
                  + hardwareVersion
                  + "'"));
    }
    if (!Set.of("VirtualSCSI", "lsilogic", "lsilogicsas", "buslogic").contains(scsi)) {
      bad.add(
          new OvfSpecException(
              Setting.SCSI_CONTROLLER,
              "scsi_controller must be VirtualSCSI, lsilogic, lsilogicsas or buslogic, not '"
                  + scsi
                  + "'"));
    }
    if (secureBoot && !efi) {
      bad.add(new OvfSpecException(Setting.SECURE_BOOT, "Secure Boot needs EFI firmware"));
    }
    // Pointed at the version, not secure_boot: raising the version is the usual fix.
    if (secureBoot && version >= 0 && version < 13) {
      bad.add(
          new OvfSpecException(
              Setting.HARDWARE_VERSION,
              "Secure Boot needs hardware_version vmx-13 or later, not " + hardwareVersion));
    }
    for (String k : new java.util.TreeSet<>(properties.keySet())) {
      if (!CLOUD_INIT_KEYS.contains(k)) {
        bad.add(
            new OvfSpecException(
                Setting.PROPERTIES,
                "unknown OVF property '"
                    + k
                    + "' (known: "
                    + String.join(", ", CLOUD_INIT_KEYS)
                    + ")"));
      }
    }
    if (!bad.isEmpty()) {
      throw OvfSpecException.of(bad);
    }
  }

  /** A disk of the OVF: its file name, exact file size and virtual capacity, in bytes. */
  public record DiskRef(String file, long fileSize, long capacity) {}
}
