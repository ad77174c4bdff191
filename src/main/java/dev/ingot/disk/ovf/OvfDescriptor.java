package dev.ingot.disk.ovf;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders an OVF 1.0 envelope in the dialect vSphere and ovftool read: References with exact byte
 * sizes, a DiskSection of streamOptimized VMDKs, one network, and a VirtualSystem with its
 * OperatingSystemSection (vmw:osType), VirtualHardwareSection (vmx-NN, CPUs, memory, SCSI
 * controller and disks, a VmxNet3 NIC, an optional CD-ROM, EFI firmware through vmw:Config) and a
 * ProductSection of cloud-init properties delivered through guestinfo. RASD elements are in schema
 * (alphabetical) order. Pure.
 */
public final class OvfDescriptor {
  static final String STREAM_FORMAT =
      "http://www.vmware.com/interfaces/specifications/vmdk.html#streamOptimized";

  private OvfDescriptor() {}

  public static String render(OvfSpec s, List<OvfSpec.DiskRef> disks) {
    if (disks.isEmpty()) {
      throw new IllegalArgumentException("an OVF needs at least one disk");
    }
    Xml x = new Xml();
    x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.open(
        "Envelope",
        "vmw:buildId",
        "build-0",
        "xmlns",
        "http://schemas.dmtf.org/ovf/envelope/1",
        "xmlns:cim",
        "http://schemas.dmtf.org/wbem/wscim/1/common",
        "xmlns:ovf",
        "http://schemas.dmtf.org/ovf/envelope/1",
        "xmlns:rasd",
        "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData",
        "xmlns:vmw",
        "http://www.vmware.com/schema/ovf",
        "xmlns:vssd",
        "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_VirtualSystemSettingData",
        "xmlns:xsi",
        "http://www.w3.org/2001/XMLSchema-instance");
    x.open("References");
    for (int i = 0; i < disks.size(); i++) {
      OvfSpec.DiskRef d = disks.get(i);
      x.empty(
          "File",
          "ovf:href",
          d.file(),
          "ovf:id",
          "file" + (i + 1),
          "ovf:size",
          Long.toString(d.fileSize()));
    }
    x.close("References");
    x.open("DiskSection");
    x.text("Info", "Virtual disk information");
    for (int i = 0; i < disks.size(); i++) {
      x.empty(
          "Disk",
          "ovf:capacity",
          Long.toString(disks.get(i).capacity()),
          "ovf:capacityAllocationUnits",
          "byte",
          "ovf:diskId",
          "vmdisk" + (i + 1),
          "ovf:fileRef",
          "file" + (i + 1),
          "ovf:format",
          STREAM_FORMAT);
    }
    x.close("DiskSection");
    x.open("NetworkSection");
    x.text("Info", "The list of logical networks");
    x.open("Network", "ovf:name", s.network());
    x.text("Description", "The " + s.network() + " network");
    x.close("Network");
    x.close("NetworkSection");
    x.open("VirtualSystem", "ovf:id", s.vmName());
    x.text("Info", "A virtual machine");
    x.text("Name", s.vmName());
    x.open("OperatingSystemSection", "ovf:id", "100", "vmw:osType", s.osType());
    x.text("Info", "The kind of installed guest operating system");
    x.close("OperatingSystemSection");
    hardware(x, s, disks);
    product(x, s);
    x.close("VirtualSystem");
    x.close("Envelope");
    return x.toString();
  }

  private static void hardware(Xml x, OvfSpec s, List<OvfSpec.DiskRef> disks) {
    x.open("VirtualHardwareSection", "ovf:transport", "com.vmware.guestInfo");
    x.text("Info", "Virtual hardware requirements");
    x.open("System");
    x.text("vssd:ElementName", "Virtual Hardware Family");
    x.text("vssd:InstanceID", "0");
    x.text("vssd:VirtualSystemIdentifier", s.vmName());
    x.text("vssd:VirtualSystemType", s.hardwareVersion());
    x.close("System");
    int id = 1;
    item(
        x,
        Map.of(
            "AllocationUnits",
            "hertz * 10^6",
            "Description",
            "Number of Virtual CPUs",
            "ElementName",
            s.cpus() + " virtual CPU(s)",
            "InstanceID",
            "" + id++,
            "ResourceType",
            "3",
            "VirtualQuantity",
            "" + s.cpus()));
    item(
        x,
        Map.of(
            "AllocationUnits",
            "byte * 2^20",
            "Description",
            "Memory Size",
            "ElementName",
            s.memoryMib() + "MB of memory",
            "InstanceID",
            "" + id++,
            "ResourceType",
            "4",
            "VirtualQuantity",
            "" + s.memoryMib()));
    int scsi = id++;
    item(
        x,
        Map.of(
            "Address",
            "0",
            "Description",
            "SCSI Controller",
            "ElementName",
            "SCSI Controller 0",
            "InstanceID",
            "" + scsi,
            "ResourceSubType",
            s.scsi(),
            "ResourceType",
            "6"));
    for (int i = 0; i < disks.size(); i++) {
      item(
          x,
          Map.of(
              "AddressOnParent",
              "" + i,
              "ElementName",
              "Hard Disk " + (i + 1),
              "HostResource",
              "ovf:/disk/vmdisk" + (i + 1),
              "InstanceID",
              "" + id++,
              "Parent",
              "" + scsi,
              "ResourceType",
              "17"));
    }
    if (s.cdrom()) {
      int ide = id++;
      item(
          x,
          Map.of(
              "Address",
              "0",
              "Description",
              "IDE Controller",
              "ElementName",
              "IDE Controller 0",
              "InstanceID",
              "" + ide,
              "ResourceType",
              "5"));
      item(
          x,
          Map.of(
              "AddressOnParent",
              "0",
              "AutomaticAllocation",
              "false",
              "ElementName",
              "CD-ROM 1",
              "InstanceID",
              "" + id++,
              "Parent",
              "" + ide,
              "ResourceSubType",
              "vmware.cdrom.remotepassthrough",
              "ResourceType",
              "15"));
    }
    item(
        x,
        Map.of(
            "AddressOnParent",
            "7",
            "AutomaticAllocation",
            "true",
            "Connection",
            s.network(),
            "Description",
            "VmxNet3 ethernet adapter on \"" + s.network() + "\"",
            "ElementName",
            "Network adapter 1",
            "InstanceID",
            "" + id++,
            "ResourceSubType",
            "VmxNet3",
            "ResourceType",
            "10"));
    if (s.efi()) {
      x.empty("vmw:Config", "ovf:required", "false", "vmw:key", "firmware", "vmw:value", "efi");
    }
    if (s.secureBoot()) {
      // The VirtualMachineConfigSpec property vSphere and govmomi read on import.
      x.empty(
          "vmw:Config",
          "ovf:required",
          "false",
          "vmw:key",
          "bootOptions.efiSecureBootEnabled",
          "vmw:value",
          "true");
    }
    x.close("VirtualHardwareSection");
  }

  private static void item(Xml x, Map<String, String> rasd) {
    x.open("Item");
    new TreeMap<>(rasd).forEach((k, v) -> x.text("rasd:" + k, v));
    x.close("Item");
  }

  private static void product(Xml x, OvfSpec s) {
    x.open("ProductSection", "ovf:required", "false");
    x.text("Info", "Information about the installed software");
    x.text("Product", s.vmName());
    for (String key : OvfSpec.CLOUD_INIT_KEYS) {
      x.open(
          "Property",
          "ovf:key",
          key,
          "ovf:type",
          "string",
          "ovf:userConfigurable",
          "true",
          "ovf:value",
          s.properties().getOrDefault(key, key.equals("instance-id") ? "id-ovf" : ""));
      x.text("Label", label(key));
      x.text("Description", description(key));
      x.close("Property");
    }
    x.close("ProductSection");
  }

  private static String label(String key) {
    return switch (key) {
      case "instance-id" -> "A Unique Instance ID for this instance";
      case "hostname" -> "Hostname";
      case "seedfrom" -> "Url to seed instance data from";
      case "public-keys" -> "ssh public keys";
      case "user-data" -> "Encoded user-data";
      default -> "Default User's password";
    };
  }

  private static String description(String key) {
    return switch (key) {
      case "instance-id" -> "Specifies the instance id; cloud-init runs once per instance id.";
      case "hostname" -> "Specifies the hostname for the appliance";
      case "seedfrom" -> "A URL that cloud-init fetches meta-data and user-data from.";
      case "public-keys" -> "Public keys installed for the default user.";
      case "user-data" -> "Base64-encoded cloud-init user-data.";
      default -> "Password of the default user; prefer public-keys.";
    };
  }
}
