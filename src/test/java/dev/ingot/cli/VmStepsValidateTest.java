package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingot validate} finds bad values of the VM image steps (customize, disk, convert, ova)
 * before a build would reach them minutes later, each at its line.
 */
class VmStepsValidateTest {
  @TempDir Path dir;

  static final String TEMPLATE =
      """
      source "oci" "vm" {
        base = "oci-layout:base:v1"

        customize {
          files {
            path    = "etc/motd"
            content = "hi"
          }
        }
      }

      build {
        sources = ["source.oci.vm"]

        post-processors {
          post-processor "disk" {
            size = "4X"
          }
          post-processor "convert" {
            formats = ["qcow2", "vdi"]
          }
          post-processor "ova" {
            cpus = 0
          }
        }
      }
      """;

  // A debian source and the head of a build that uses it (lines 1-6).
  private static final String DEBIAN_BUILD =
      """
      source "debian" "b" {
        variant  = "distroless"
        packages = ["base-files"]
      }
      build {
        sources = ["source.debian.b"]
      """;

  private CliTestSupport.Run validate() {
    return CliTestSupport.run(dir, Map.of("HOME", dir.toString()), "validate", "t.pkr.hcl");
  }

  @Test
  void everyBadValueIsReportedAtItsLine() throws Exception {
    Files.writeString(dir.resolve("t.pkr.hcl"), TEMPLATE);
    CliTestSupport.Run r = validate();
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.err())
        .contains("Error: Bad files setting")
        .contains("on t.pkr.hcl line 5")
        .contains("file paths must be absolute")
        .contains("Error: Bad size")
        .contains("on t.pkr.hcl line 17")
        .contains("or \"auto\"")
        .contains("Error: Unknown disk format")
        .contains("on t.pkr.hcl line 20")
        .contains("unknown disk format 'vdi'")
        .contains("on t.pkr.hcl line 23")
        .doesNotContain("Exception");
  }

  @Test
  void aFractionWhereAWholeNumberGoesIsReportedAtItsLine() throws Exception {
    Files.writeString(dir.resolve("t.pkr.hcl"), TEMPLATE.replace("cpus = 0", "cpus = 1.5"));
    CliTestSupport.Run r = validate();
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("Error: Not a whole number")
        .contains("on t.pkr.hcl line 23")
        .contains("not 1.5");
  }

  @Test
  void aTooSmallEspIsReportedAtEspSize() throws Exception {
    Files.writeString(
        dir.resolve("t.pkr.hcl"),
        TEMPLATE.replace("size = \"4X\"", "size = \"auto\"\n        esp_size = \"16M\""));
    CliTestSupport.Run r = validate();
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("at least 33 MiB").contains("on t.pkr.hcl line 18");
  }

  @Test
  void aZeroSizeIsNotAuto() throws Exception {
    Files.writeString(dir.resolve("t.pkr.hcl"), TEMPLATE.replace("\"4X\"", "\"0\""));
    CliTestSupport.Run r = validate();
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("too small").contains("on t.pkr.hcl line 17");
  }

  @Test
  void anOvaStraightAfterADebianRootFilesystemIsRefusedBeforeTheBuild() throws Exception {
    // It passed validate; the build then spent its source step and failed with a
    // ClassCastException.
    Files.writeString(
        dir.resolve("t.pkr.hcl"),
        DEBIAN_BUILD
            + """
              post-processor "ova" {}
            }
            """);
    CliTestSupport.Run r = validate();
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.err())
        .contains("Error: Post-processor \"ova\" cannot take a root filesystem (RootFs)")
        .contains("on t.pkr.hcl line 7")
        .contains("accepts only converted disk files (DiskFiles) or disk image (DiskImage)");
  }

  @Test
  void everyBadCustomizeValueIsReportedInItsOwnBlock() throws Exception {
    // The second users block's mistake was reported at the first block, and one mistake per run.
    Files.writeString(
        dir.resolve("t.pkr.hcl"),
        DEBIAN_BUILD
            + """
              post-processors {
                post-processor "customize" {
                  hostname = "bad_host!"
                  users {
                    name = "root"
                    uid  = 0
                  }
                  users {
                    name = "x y"
                  }
                  users {
                    name                = "ok"
                    ssh_authorized_keys = ["not a key"]
                  }
                  files {
                    path    = "/etc/motd"
                    content = "a"
                    source  = "b"
                  }
                }
                post-processor "container" {}
              }
            }
            """);
    CliTestSupport.Run r = validate();
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.err())
        .contains("on t.pkr.hcl line 9")
        .contains("must be a DNS label")
        .contains("on t.pkr.hcl line 15")
        .contains("bad user name: x y")
        .contains("on t.pkr.hcl line 19")
        .contains("not an SSH public key line: not a key")
        .contains("on t.pkr.hcl line 21")
        .contains("either content or source")
        .doesNotContain("line 10,")
        .doesNotContain("line 11,");
  }

  @Test
  void everyBadDiskConvertAndOvaValueIsReportedInOneRun() throws Exception {
    // Each step reported only its first mistake.
    Files.writeString(
        dir.resolve("t.pkr.hcl"),
        DEBIAN_BUILD
            + """
              post-processors {
                post-processor "disk" {
                  size     = "-4G"
                  boot     = "uefi"
                  esp_size = "1M"
                }
                post-processor "convert" {
                  formats = ["qcow2", "qcow2"]
                  options = { qcow2 = "cluster_size=3", vmdk = "subformat=streamOptimized" }
                }
                post-processor "ova" {
                  cpus             = 0
                  memory           = -1
                  hardware_version = "vmx-3"
                  format           = "zip"
                }
              }
            }
            """);
    CliTestSupport.Run r = validate();
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.err())
        .contains("on t.pkr.hcl line 9")
        .contains("on t.pkr.hcl line 11")
        .contains("at least 33 MiB")
        .contains("cluster_size must be a power of two")
        .contains("qcow2 is in formats more than once")
        .contains("'vmdk' is not in formats")
        .contains("cpus must be 1-768")
        .contains("on t.pkr.hcl line 19")
        .contains("memory must be at least 4 MiB")
        .contains("vmx-7 or later")
        .contains("Unknown package format");
  }

  @Test
  void anAbsoluteBackingFileThatIsMissingIsReportedBeforeTheBuild() throws Exception {
    Files.writeString(
        dir.resolve("t.pkr.hcl"),
        TEMPLATE
            .replace("\"4X\"", "\"auto\"")
            .replace(
                ", \"vdi\"]",
                "]\n      options = { qcow2 = \"backing_file=/nonexistent/base.qcow2\" }")
            .replace("cpus = 0", "cpus = 2")
            .replace("\"etc/motd\"", "\"/etc/motd\""));
    CliTestSupport.Run r = validate();
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.err())
        .contains("Error: Backing file not found")
        .contains("/nonexistent/base.qcow2 does not exist");
  }

  @Test
  void goodValuesPass() throws Exception {
    Files.writeString(
        dir.resolve("t.pkr.hcl"),
        TEMPLATE
            .replace("\"etc/motd\"", "\"/etc/motd\"")
            .replace("\"4X\"", "\"auto\"")
            .replace(", \"vdi\"", "")
            .replace("cpus = 0", "cpus = 2"));
    CliTestSupport.Run r = validate();
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
  }
}
