package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ingot.disk.format.TestDisks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConvertCommandTest {
  @TempDir Path tmp;

  private Path raw() throws Exception {
    return TestDisks.sparseWith(tmp.resolve("in.raw"), 16 << 20, 5 << 20, "hello disk");
  }

  @Test
  void convertsAndReportsInfo() throws Exception {
    raw();
    CliTestSupport.Run r =
        CliTestSupport.run(tmp, Map.of(), "convert", "-O", "qcow2", "-c", "in.raw", "out.qcow2");
    assertThat(r.exitCode()).as(r.err()).isZero();
    CliTestSupport.Run info = CliTestSupport.run(tmp, Map.of(), "disk-info", "--json", "out.qcow2");
    assertThat(info.exitCode()).as(info.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(info.out());
    assertThat(j.get("format").asText()).isEqualTo("qcow2");
    assertThat(j.get("virtual-size").asLong()).isEqualTo(16 << 20);
    assertThat(j.at("/format-specific/data/compressed-clusters").asBoolean()).isTrue();
    CliTestSupport.Run text = CliTestSupport.run(tmp, Map.of(), "disk-info", "out.qcow2");
    assertThat(text.out()).contains("file format: qcow2").contains("virtual size: 16 MiB");
    CliTestSupport.Run vmdk =
        CliTestSupport.run(
            tmp, Map.of(), "convert", "-f", "qcow2", "-O", "vmdk", "out.qcow2", "o.vmdk");
    assertThat(vmdk.exitCode()).as(vmdk.err()).isZero();
    assertThat(CliTestSupport.run(tmp, Map.of(), "disk-info", "o.vmdk").out())
        .contains("subformat: streamOptimized");
  }

  @Test
  void badOptionsAreUsageErrors() throws Exception {
    raw();
    CliTestSupport.Run r =
        CliTestSupport.run(
            tmp, Map.of(), "convert", "-O", "vmdk", "-o", "subformat=flat", "in.raw", "o.vmdk");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("monolithicFlat, twoGbMaxExtentSparse or twoGbMaxExtentFlat");
    assertThat(tmp.resolve("o.vmdk")).doesNotExist();
    CliTestSupport.Run f =
        CliTestSupport.run(tmp, Map.of(), "convert", "-O", "qcow3", "in.raw", "o");
    assertThat(f.exitCode()).isEqualTo(2);
    assertThat(f.err()).contains("unknown disk format 'qcow3'");
    CliTestSupport.Run missing = CliTestSupport.run(tmp, Map.of(), "disk-info", "nope.img");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("image nope.img: not found");
  }

  @Test
  void anImageNamingAFileOutsideItsDirectoryNeedsAllowOutsideFiles() throws Exception {
    Path secret = Files.createDirectories(tmp.resolve("etc")).resolve("shadow");
    Files.write(
        secret, "root:hash:::".repeat(64).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Files.createDirectories(tmp.resolve("download"));
    Files.writeString(
        tmp.resolve("download/appliance.vmdk"),
        "# Disk DescriptorFile\nversion=1\nCID=fffffffe\nparentCID=ffffffff\n"
            + "createType=\"monolithicFlat\"\nRW 1 FLAT \"../etc/shadow\" 0\n");
    for (String cmd : new String[] {"convert", "disk-info"}) {
      CliTestSupport.Run r =
          cmd.equals("convert")
              ? CliTestSupport.run(
                  tmp, Map.of(), "convert", "-O", "qcow2", "download/appliance.vmdk", "a.qcow2")
              : CliTestSupport.run(tmp, Map.of(), "disk-info", "download/appliance.vmdk");
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.err())
          .contains("its extent file '../etc/shadow' leads to " + secret.toRealPath())
          .contains("outside the image's directory")
          .endsWith("If you trust this image, run again with --allow-outside-files.\n")
          .doesNotContain("Exception");
    }
    assertThat(tmp.resolve("a.qcow2")).doesNotExist();
    CliTestSupport.Run ok =
        CliTestSupport.run(
            tmp,
            Map.of(),
            "convert",
            "--allow-outside-files",
            "-O",
            "raw",
            "download/appliance.vmdk",
            "a.raw");
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    assertThat(Files.readAllBytes(tmp.resolve("a.raw")))
        .isEqualTo(java.util.Arrays.copyOf(Files.readAllBytes(secret), 512));
    CliTestSupport.Run info =
        CliTestSupport.run(
            tmp, Map.of(), "disk-info", "--allow-outside-files", "download/appliance.vmdk");
    assertThat(info.exitCode()).as(info.err()).isZero();
    assertThat(info.out()).contains("subformat: monolithicFlat");
  }

  @Test
  void damagedInputFailsWithoutOutput() throws Exception {
    Path q = tmp.resolve("bad.qcow2");
    Files.write(q, new byte[] {'Q', 'F', 'I', (byte) 0xfb, 0, 0, 0, 7});
    CliTestSupport.Run r =
        CliTestSupport.run(tmp, Map.of(), "convert", "-O", "raw", "bad.qcow2", "o.raw");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("bad.qcow2");
    assertThat(tmp.resolve("o.raw")).doesNotExist();
  }

  @Test
  void optionsHelpNeedsNoFilesAndListsEveryOptionTheParserTakes() throws Exception {
    CliTestSupport.Run h =
        CliTestSupport.run(tmp, Map.of(), "convert", "-O", "qcow2", "-o", "help");
    assertThat(h.exitCode()).as(h.err()).isZero();
    assertThat(h.out())
        .startsWith("Supported qcow2 options:")
        .contains("cluster_size=<size>", "compression_type=zlib|zstd", "(default: 64K)");
    assertThat(CliTestSupport.run(tmp, Map.of(), "convert", "-O", "vhd", "-o", "?").out())
        .contains("subformat=dynamic|fixed");
    // Every option the help names is one the parser accepts (the list cannot drift from it).
    raw();
    for (String o : new String[] {"cluster_size=128K", "compress=on", "compression_type=zstd"}) {
      CliTestSupport.Run r =
          CliTestSupport.run(tmp, Map.of(), "convert", "-O", "qcow2", "-o", o, "in.raw", "o.q");
      assertThat(r.exitCode()).as(o + ": " + r.err()).isZero();
    }
    CliTestSupport.Run noFiles = CliTestSupport.run(tmp, Map.of(), "convert", "-O", "qcow2");
    assertThat(noFiles.exitCode()).isEqualTo(2);
    assertThat(noFiles.err()).contains("needs an input and an output image");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "compression_level=x | compression_level must be a number, not 'x'",
        "compress=maybe | compress must be on or off",
        "cluster_size=big | cluster_size must be a size such as 64K, not 'big'",
        // 4 GiB + 512 once wrapped to 512, a valid size.
        "cluster_size=4294967808 | cluster_size must be a power of two"
      })
  void badOptionValuesNameTheOption(String option, String message) throws Exception {
    raw();
    CliTestSupport.Run r =
        CliTestSupport.run(tmp, Map.of(), "convert", "-O", "qcow2", "-o", option, "in.raw", "o");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(message);
    assertThat(tmp.resolve("o")).doesNotExist();
  }

  @Test
  void progressGoesToStandardErrorFromZeroToHundred() throws Exception {
    raw();
    CliTestSupport.Run r =
        CliTestSupport.run(tmp, Map.of(), "convert", "-p", "-O", "qcow2", "in.raw", "o.qcow2");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    String[] steps = r.err().strip().split("\r");
    assertThat(steps[0].strip()).isEqualTo("(0.00/100%)");
    assertThat(steps[steps.length - 1].strip()).isEqualTo("(100.00/100%)");
    assertThat(steps.length).isGreaterThan(2);
    CliTestSupport.Run q =
        CliTestSupport.run(tmp, Map.of(), "convert", "-p", "-q", "-O", "qcow2", "in.raw", "q.q");
    assertThat(q.err()).isEmpty();
    assertThat(CliTestSupport.run(tmp, Map.of(), "convert", "-O", "raw", "in.raw", "n.raw").err())
        .isEmpty();
  }

  @Test
  void diskInfoTakesQemuImgsOutputOption() throws Exception {
    raw();
    CliTestSupport.Run j =
        CliTestSupport.run(tmp, Map.of(), "disk-info", "--output=json", "in.raw");
    assertThat(j.exitCode()).as(j.err()).isZero();
    assertThat(new ObjectMapper().readTree(j.out()).get("format").asText()).isEqualTo("raw");
    CliTestSupport.Run bad =
        CliTestSupport.run(tmp, Map.of(), "disk-info", "--output=xml", "in.raw");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("human or json");
  }

  @Test
  void anOutputThatIsADirectoryIsRefusedAndKept() throws Exception {
    raw();
    Path d = Files.createDirectories(tmp.resolve("images"));
    Files.writeString(d.resolve("keep.txt"), "precious");
    CliTestSupport.Run r =
        CliTestSupport.run(tmp, Map.of(), "convert", "-O", "qcow2", "in.raw", "images");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("images: is a directory; give the path of the file to write");
    assertThat(d.resolve("keep.txt")).hasContent("precious");
    try (var files = Files.list(d)) {
      assertThat(files).containsExactly(d.resolve("keep.txt"));
    }
  }

  /** An input that is a link leading nowhere says why ("not found" hid a loop of links). */
  @Test
  void brokenLinksAsInputSayWhy() throws Exception {
    Files.createSymbolicLink(tmp.resolve("l1"), tmp.resolve("l2"));
    Files.createSymbolicLink(tmp.resolve("l2"), tmp.resolve("l1"));
    Files.createSymbolicLink(tmp.resolve("gone.img"), tmp.resolve("missing.img"));
    CliTestSupport.Run loop = CliTestSupport.run(tmp, Map.of(), "disk-info", "l1");
    assertThat(loop.exitCode()).isEqualTo(2);
    assertThat(loop.err()).contains("image l1: a loop of symbolic links");
    CliTestSupport.Run gone =
        CliTestSupport.run(tmp, Map.of(), "convert", "-O", "raw", "gone.img", "o.raw");
    assertThat(gone.exitCode()).isEqualTo(2);
    assertThat(gone.err()).contains("gone.img: a symbolic link to a missing file");
  }

  /** Strings from an image are printed with control characters escaped (no terminal escapes). */
  @Test
  void diskInfoEscapesControlCharactersFromTheImage() throws Exception {
    Files.write(tmp.resolve("d-flat.vmdk"), new byte[4096]);
    Files.writeString(
        tmp.resolve("d.vmdk"),
        "# Disk DescriptorFile\nversion=1\ncreateType=\"\u001b[31mred\"\n"
            + "RW 8 FLAT \"d-flat.vmdk\" 0\n");
    CliTestSupport.Run r = CliTestSupport.run(tmp, Map.of(), "disk-info", "d.vmdk");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("subformat: \\x1b[31mred").doesNotContain("\u001b");
  }

  /** A mistyped output directory is an error, as with qemu-img; it was made, and left empty. */
  @Test
  void anOutputInAMissingDirectoryIsRefusedAndNothingIsMade() throws Exception {
    raw();
    CliTestSupport.Run r =
        CliTestSupport.run(tmp, Map.of(), "convert", "-O", "qcow2", "in.raw", "nodir/sub/o.qcow2");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("output nodir/sub/o.qcow2: ").contains("does not exist");
    assertThat(tmp.resolve("nodir")).doesNotExist();
    Files.writeString(tmp.resolve("afile"), "x");
    CliTestSupport.Run f =
        CliTestSupport.run(tmp, Map.of(), "convert", "-O", "qcow2", "in.raw", "afile/o.qcow2");
    assertThat(f.exitCode()).isEqualTo(2);
    assertThat(f.err()).contains("is not a directory");
    assertThat(tmp.resolve("afile")).hasContent("x");
  }

  @Test
  void aHugeSparseDiskConvertsOrIsRefusedSayingWhatToChange() throws Exception {
    Process p =
        new ProcessBuilder("qemu-img", "create", "-q", "-f", "qcow2", "huge.qcow2", "16T")
            .directory(tmp.toFile())
            .start();
    assertThat(p.waitFor()).isZero();
    // 16 TiB at 64 KiB clusters is a 2 GiB cluster map: more than half of the test JVM's heap.
    CliTestSupport.Run big =
        CliTestSupport.run(tmp, Map.of(), "convert", "-O", "qcow2", "huge.qcow2", "o.qcow2");
    assertThat(big.exitCode()).isEqualTo(2);
    assertThat(big.err())
        .contains("a virtual size of 16 TiB needs 2 GiB of tables in memory")
        .contains("-o cluster_size=2M")
        .doesNotContain("OutOfMemoryError");
    CliTestSupport.Run ok =
        CliTestSupport.run(
            tmp,
            Map.of(),
            "convert",
            "-O",
            "qcow2",
            "-o",
            "cluster_size=2M",
            "huge.qcow2",
            "o.qcow2");
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    CliTestSupport.Run vmdk =
        CliTestSupport.run(tmp, Map.of(), "convert", "-O", "vmdk", "huge.qcow2", "o.vmdk");
    assertThat(vmdk.exitCode()).as(vmdk.err()).isZero();
    for (String out : new String[] {"o.qcow2", "o.vmdk"}) {
      Process check =
          new ProcessBuilder("qemu-img", "check", out)
              .directory(tmp.toFile())
              .redirectErrorStream(true)
              .start();
      String said = new String(check.getInputStream().readAllBytes());
      assertThat(check.waitFor()).as(said).isZero();
    }
    assertThat(CliTestSupport.run(tmp, Map.of(), "disk-info", "o.qcow2").out())
        .contains("virtual size: 16 TiB");
    // Our VMDK reader keeps only the grain tables in the file (it held a 2 GiB table here, and
    // refused the image).
    CliTestSupport.Run info = CliTestSupport.run(tmp, Map.of(), "disk-info", "o.vmdk");
    assertThat(info.exitCode()).as(info.err()).isZero();
    assertThat(info.out()).contains("virtual size: 16 TiB");
    try (var files = Files.list(tmp)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("huge.qcow2", "o.qcow2", "o.vmdk");
    }
  }
}
