package dev.ingot.cli;

import static dev.ingot.oci.OciTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingot build} of a source with its own {@code customize} block: the base is an image umoci
 * made, the result is read back by umoci.
 */
@Tag("peer")
class SourceCustomizeBuildTest {
  @TempDir Path dir;

  static final String KEY =
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGNvbnRyaXZlZGtleWZvcnRlc3RpbmcAAAAA me@x";

  /** A base image with the account files customize edits, made and repacked by umoci. */
  private void base() throws Exception {
    Path layout = dir.resolve("base");
    run("umoci", "init", "--layout", layout.toString());
    run("umoci", "new", "--image", layout + ":v1");
    Path bundle = dir.resolve("bundle");
    run("umoci", "unpack", "--image", layout + ":v1", bundle.toString());
    Path etc = Files.createDirectories(bundle.resolve("rootfs/etc"));
    Files.createDirectories(bundle.resolve("rootfs/home"));
    Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\n");
    Files.writeString(etc.resolve("group"), "root:x:0:\n");
    Files.writeString(etc.resolve("shadow"), "root:*:19000:0:99999:7:::\n");
    Files.writeString(etc.resolve("gshadow"), "root:*::\n");
    Files.writeString(etc.resolve("hostname"), "base\n");
    run("umoci", "repack", "--image", layout + ":v1", bundle.toString());
  }

  private CliTestSupport.Run build() {
    return CliTestSupport.run(
        dir,
        Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString(), "PKR_VAR_key", KEY),
        "build",
        "-color=false",
        "t.pkr.hcl");
  }

  static final String TEMPLATE =
      """
      variable "key" {
        type = string
      }

      source "oci" "app" {
        base = "oci-layout:${path.root}/base:v1"

        customize {
          hostname = "web1"
          users {
            name                = "admin"
            uid                 = 1001
            ssh_authorized_keys = [var.key]
          }
          files {
            path    = "/etc/motd"
            content = "managed by ingot\\n"
            mode    = "0600"
          }
        }
      }

      build {
        sources = ["source.oci.app"]

        provisioner "shell-local" {
          inline = ["echo provisioner ran"]
        }

        post-processor "container" {
          formats = ["oci"]
        }
      }
      """;

  @Test
  void theCustomizationIsInTheImage() throws Exception {
    base();
    Files.writeString(dir.resolve("t.pkr.hcl"), TEMPLATE);
    CliTestSupport.Run r = build();
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("oci.app: Customizing the root filesystem");
    CliTestSupport.Run inspect =
        CliTestSupport.run(dir, Map.of("PKR_VAR_key", KEY), "inspect", "t.pkr.hcl");
    assertThat(inspect.out()).contains("oci.app (customize: hostname, users, files)");
    assertThat(r.out().indexOf("Customizing"))
        .as("the customization comes before the provisioners")
        .isLessThan(r.out().indexOf("provisioner ran"));

    Path layout;
    try (Stream<Path> s = Files.walk(dir.resolve("output"))) {
      layout = s.filter(p -> p.endsWith("index.json")).findFirst().orElseThrow().getParent();
    }
    // The base stays the base: its layer, then one with the changes (customize's among them).
    String manifest = run("skopeo", "inspect", "--raw", "oci:" + layout + ":latest");
    var m = new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest);
    assertThat(m.path("layers").size()).as(manifest).isEqualTo(2);
    assertThat(m.path("annotations").path("org.opencontainers.image.base.digest").asText())
        .startsWith("sha256:");
    Path unpacked = dir.resolve("unpacked");
    run("umoci", "unpack", "--image", layout + ":latest", unpacked.toString());
    Path root = unpacked.resolve("rootfs");
    assertThat(root.resolve("etc/hostname")).hasContent("web1");
    assertThat(Files.readString(root.resolve("etc/passwd"))).contains("admin:x:1001:1001:");
    assertThat(Files.readString(root.resolve("home/admin/.ssh/authorized_keys"))).contains(KEY);
    assertThat(root.resolve("etc/motd")).hasContent("managed by ingot");
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("etc/motd"))))
        .isEqualTo("rw-------");
  }

  @Test
  void aMissingFileSourceFailsTheBuildAtItsBlockAndLeavesNoOutput() throws Exception {
    base();
    Files.writeString(
        dir.resolve("t.pkr.hcl"),
        TEMPLATE.replace("content = \"managed by ingot\\n\"", "source  = \"motd.txt\""));
    CliTestSupport.Run r = build();
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out() + r.err())
        .contains("source motd.txt does not exist")
        .contains("t.pkr.hcl:15:")
        .doesNotContain("provisioner ran")
        .doesNotContain("Exception");
    assertThat(dir.resolve("output")).doesNotExist();
  }

  @Test
  void whatTheImageCannotTakeIsReportedAtItsSetting() throws Exception {
    base();
    Files.writeString(
        dir.resolve("t.pkr.hcl"),
        TEMPLATE.replace(
            "hostname = \"web1\"\n", "hostname = \"web1\"\n    timezone = \"Mars/Olympus\"\n"));
    CliTestSupport.Run r = build();
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out() + r.err())
        .contains("timezone Mars/Olympus is not in the image")
        .contains("(t.pkr.hcl:10:")
        .doesNotContain("Exception");
  }
}
