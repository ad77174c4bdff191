package dev.ingot.disk.ovf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.disk.format.DiskFormat;
import dev.ingot.disk.format.DiskImages;
import dev.ingot.disk.format.TestDisks;
import dev.ingot.disk.format.WriteJob;
import dev.ingot.fs.Digest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class OvaWriterTest {
  @TempDir Path tmp;

  @Test
  void ovaHasOvfFirstThenManifestThenDiskWithMatchingSizesAndDigests() throws Exception {
    Path raw = TestDisks.randomSparse(tmp.resolve("d.raw"), 16 << 20, 5, 30);
    Path vmdk = tmp.resolve("vm-disk1.vmdk");
    DiskImages.convert(
        raw,
        null,
        vmdk,
        DiskImages.options(DiskFormat.VMDK, "", false),
        new WriteJob(2, 0, "vm-disk1.vmdk"));
    OvfSpec spec =
        new OvfSpec(
            "vm",
            2,
            1024,
            "vmx-13",
            "other5xLinux64Guest",
            "VirtualSCSI",
            "VM Network",
            true,
            true,
            true,
            Map.of("hostname", "web<1>"));
    Map<String, Path> disks = new LinkedHashMap<>(Map.of("vm-disk1.vmdk", vmdk));
    Path ova = tmp.resolve("vm.ova");
    try (OutputStream out = Files.newOutputStream(ova)) {
      OvaWriter.writeOva(spec, disks, out, 1_700_000_000L);
    }
    List<String> names = new ArrayList<>();
    Map<String, byte[]> small = new LinkedHashMap<>();
    Digest diskDigest = null;
    long diskSize = -1;
    try (TarArchiveInputStream t = new TarArchiveInputStream(Files.newInputStream(ova))) {
      for (TarArchiveEntry e; (e = t.getNextEntry()) != null; ) {
        names.add(e.getName());
        if (e.getName().endsWith(".vmdk")) {
          diskSize = e.getSize();
          diskDigest = Digest.sha256((InputStream) t);
        } else {
          small.put(e.getName(), t.readAllBytes());
        }
      }
    }
    assertThat(names).containsExactly("vm.ovf", "vm.mf", "vm-disk1.vmdk");
    assertThat(diskSize).isEqualTo(Files.size(vmdk));
    String mf = new String(small.get("vm.mf"));
    assertThat(mf).contains("SHA256(vm.ovf)= " + Digest.sha256(small.get("vm.ovf")).hex() + "\n");
    assertThat(mf).contains("SHA256(vm-disk1.vmdk)= " + diskDigest.hex() + "\n");

    Document d =
        DocumentBuilderFactory.newNSInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(small.get("vm.ovf")));
    String ovf = "http://schemas.dmtf.org/ovf/envelope/1";
    Element file = (Element) d.getElementsByTagNameNS(ovf, "File").item(0);
    assertThat(file.getAttributeNS(ovf, "size")).isEqualTo(Long.toString(Files.size(vmdk)));
    assertThat(file.getAttributeNS(ovf, "href")).isEqualTo("vm-disk1.vmdk");
    Element disk = (Element) d.getElementsByTagNameNS(ovf, "Disk").item(0);
    assertThat(disk.getAttributeNS(ovf, "capacity")).isEqualTo(Long.toString(16 << 20));
    assertThat(disk.getAttributeNS(ovf, "format")).endsWith("#streamOptimized");
    String text = new String(small.get("vm.ovf"));
    assertThat(text)
        .contains("<vssd:VirtualSystemType>vmx-13</vssd:VirtualSystemType>")
        .contains("vmw:osType=\"other5xLinux64Guest\"")
        .contains("<rasd:ResourceSubType>VmxNet3</rasd:ResourceSubType>")
        .contains("<rasd:ResourceSubType>VirtualSCSI</rasd:ResourceSubType>")
        .contains("vmw:key=\"firmware\" vmw:value=\"efi\"")
        .contains("<rasd:ResourceType>15</rasd:ResourceType>")
        .contains(
            "ovf:key=\"hostname\" ovf:type=\"string\" ovf:userConfigurable=\"true\" ovf:value=\"web&lt;1&gt;\"");
    // Same inputs, same bytes.
    Path again = tmp.resolve("again.ova");
    try (OutputStream out = Files.newOutputStream(again)) {
      OvaWriter.writeOva(spec, disks, out, 1_700_000_000L);
    }
    assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(ova));

    // The OVA converts as its disk, read in place: the same bytes as the raw disk it was made
    // from, and as qemu-img reads the VMDK once tar has extracted it.
    assertThat(DiskImages.probe(ova)).isEqualTo(DiskFormat.VMDK);
    Path back = tmp.resolve("back.raw");
    DiskImages.convert(ova, null, back, DiskImages.options(DiskFormat.RAW, "", false), job("b"));
    TestDisks.assertSameBytes(raw, back, 16 << 20);
    Path x = Files.createDirectories(tmp.resolve("x"));
    TestDisks.runOk("tar", "-xf", ova.toString(), "-C", x.toString());
    Path q = tmp.resolve("from-ova.qcow2");
    DiskImages.convert(ova, null, q, DiskImages.options(DiskFormat.QCOW2, "", false), job("q"));
    assertThat(
            TestDisks.runOk(
                "qemu-img", "compare", x.resolve("vm-disk1.vmdk").toString(), q.toString()))
        .contains("Images are identical.");
    try (var r = DiskImages.open(ova, null)) {
      assertThat(r.info().subformat()).isEqualTo("streamOptimized");
      assertThat(r.files()).containsExactly(ova);
    }
  }

  @Test
  void anOvaWithTwoDisksIsRefusedWithTheirNames() throws Exception {
    Path raw = TestDisks.randomSparse(tmp.resolve("d.raw"), 4 << 20, 3, 5);
    Map<String, Path> disks = new LinkedHashMap<>();
    for (String n : List.of("vm-disk1.vmdk", "vm-disk2.vmdk")) {
      Path v = tmp.resolve(n);
      DiskImages.convert(raw, null, v, DiskImages.options(DiskFormat.VMDK, "", false), job(n));
      disks.put(n, v);
    }
    OvfSpec spec =
        new OvfSpec(
            "vm",
            1,
            512,
            "vmx-13",
            "other5xLinux64Guest",
            "lsilogic",
            "VM Network",
            false,
            false,
            false,
            Map.of());
    Path ova = tmp.resolve("two.ova");
    try (OutputStream out = Files.newOutputStream(ova)) {
      OvaWriter.writeOva(spec, disks, out, 1_700_000_000L);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DiskImages.open(ova, null).close())
        .isInstanceOf(dev.ingot.disk.format.DiskFormatException.class)
        .hasMessageContaining("holds 2 disks (vm-disk1.vmdk, vm-disk2.vmdk)");
  }

  private static WriteJob job(String name) {
    return new WriteJob(2, 0, name);
  }
}
