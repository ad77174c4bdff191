package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image archives, layouts and package specs of the wrong shape, as a black-box review wrote them:
 * each is refused with the file and the field at fault, exit 2, and no exception text
 * (ClassCastException, "Rounding necessary", Jackson's "Source: REDACTED").
 */
class HostileImageInputsTest {
  @TempDir Path tmp;

  private static final String CONFIG =
      "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}";

  @Test
  void aDockerArchiveManifestOfTheWrongShapeIsNamed() throws IOException {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("{}", "manifest.json must be a list of images");
    cases.put("[1]", "manifest.json must be a list of images");
    cases.put("[]", "lists no image");
    cases.put("[{\"Config\":5,\"Layers\":[]}]", "\"Config\" must be the name of a member");
    cases.put("[{\"Layers\":[]}]", "\"Config\" must be the name of a member");
    cases.put("[{\"Config\":\"c.json\"}]", "\"Layers\" must be a list of member names");
    cases.put("[{\"Config\":\"c.json\",\"Layers\":[7]}]", "\"Layers\" must be a list of member");
    cases.put("[{\"Config\":\"gone.json\",\"Layers\":[]}]", "lacks member gone.json");
    cases.put("not json", "manifest.json is not JSON");
    int i = 0;
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Path tar = tmp.resolve("d" + i++ + ".tar");
      writeTar(tar, Map.of("manifest.json", c.getKey(), "c.json", CONFIG));
      CliTestSupport.Run run =
          CliTestSupport.run(tmp, Map.of(), "inspect-image", "docker-archive:" + tar);
      assertThat(run.exitCode()).as(c.getKey()).isEqualTo(2);
      assertThat(run.err())
          .as(c.getKey())
          .contains(tar.toString())
          .contains(c.getValue())
          .doesNotContain("Exception")
          .doesNotContain("null");
    }
  }

  @Test
  void aDockerArchiveWithTwoDifferentMembersOfOneNameIsAmbiguous() throws IOException {
    Path tar = tmp.resolve("dup.tar");
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
      put(out, "manifest.json", "[{\"Config\":\"c.json\",\"Layers\":[]}]");
      put(out, "c.json", CONFIG);
      put(out, "c.json", CONFIG.replace("amd64", "arm64"));
    }
    CliTestSupport.Run run =
        CliTestSupport.run(tmp, Map.of(), "inspect-image", "docker-archive:" + tar);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("two different members named c.json");
  }

  /** Errors in the archive's own tar name the archive; unsafe members exit 2, not 1. */
  @Test
  void archiveErrorsNameTheArchiveAndExitTwo() throws IOException {
    byte[] junk = new byte[1024];
    java.util.Arrays.fill(junk, (byte) 'x');
    Path garbage = Files.write(tmp.resolve("garbage.tar"), junk);
    Path unsafe = tmp.resolve("unsafe.tar");
    writeTar(unsafe, Map.of("../../etc/passwd", "x", "manifest.json", "[]"));
    for (String spec : new String[] {"docker-archive:" + garbage, "oci-archive:" + garbage}) {
      CliTestSupport.Run run = CliTestSupport.run(tmp, Map.of(), "inspect-image", spec);
      assertThat(run.exitCode()).as(spec).isEqualTo(2);
      assertThat(run.err()).as(spec).startsWith("Error: " + garbage + ": ");
    }
    CliTestSupport.Run run =
        CliTestSupport.run(tmp, Map.of(), "inspect-image", "docker-archive:" + unsafe);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(unsafe.toString()).contains("../../etc/passwd");
  }

  /** An index.json over 16 MiB was cut there and reported as bad JSON. */
  @Test
  void anOversizedIndexIsRefusedBySize() throws IOException {
    String index = "{\"schemaVersion\":2,\"manifests\":[]" + " ".repeat(17 << 20) + "}";
    Path tar = tmp.resolve("big-index.tar");
    writeTar(tar, Map.of("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}", "index.json", index));
    CliTestSupport.Run run =
        CliTestSupport.run(tmp, Map.of(), "inspect-image", "oci-archive:" + tar);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(tar + ": index.json is " + index.length() + " bytes, more than the 16 MiB")
        .doesNotContain("JSON");
  }

  /** A docker-archive's manifest.json and config, and a layout's config, were read whole. */
  @Test
  void oversizedManifestsAndConfigsAreRefusedBySize() throws Exception {
    String pad = " ".repeat(17 << 20);
    Path bigManifest = tmp.resolve("big-manifest.tar");
    writeTar(bigManifest, Map.of("manifest.json", "[]" + pad, "c.json", CONFIG));
    Path bigConfig = tmp.resolve("big-config.tar");
    writeTar(
        bigConfig,
        Map.of("manifest.json", "[{\"Config\":\"c.json\",\"Layers\":[]}]", "c.json", CONFIG + pad));
    Path layout = tmp.resolve("big-config-layout");
    String config =
        layout(layout, CONFIG + pad, Long.toString(CONFIG.length() + pad.length())).config();
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("docker-archive:" + bigManifest, bigManifest + ": manifest.json is ");
    cases.put("docker-archive:" + bigConfig, bigConfig + ": config c.json is ");
    cases.put("oci-layout:" + layout, "blob sha256:" + config + " is ");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      CliTestSupport.Run run = CliTestSupport.run(tmp, Map.of(), "inspect-image", c.getKey());
      assertThat(run.exitCode()).as(c.getKey()).isEqualTo(2);
      assertThat(run.err())
          .as(c.getKey())
          .contains(c.getValue())
          .contains("bytes, more than the 16 MiB Ingot reads");
    }
  }

  @Test
  void aDescriptorSizeThatIsNotAWholeLongNamesTheBlob() throws Exception {
    for (String size : new String[] {"1.5", "1180591620717411303424"}) {
      Path layout = tmp.resolve("layout-" + size.length());
      String manifest = layout(layout, CONFIG, size).manifest();
      CliTestSupport.Run run =
          CliTestSupport.run(tmp, Map.of(), "inspect-image", "oci-layout:" + layout);
      assertThat(run.exitCode()).as(size).isEqualTo(2);
      assertThat(run.err())
          .as(size)
          .contains("manifest sha256:" + manifest)
          .contains("field size must be a whole number")
          .doesNotContain("Rounding")
          .doesNotContain("Overflow");
    }
  }

  @Test
  void aJsonPackageSpecOfTheWrongShapeSaysWhereAndWhat() throws IOException {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("[1]", "spec.json:1:4: not a JSON object");
    cases.put("{\"a\":", "spec.json:1:6: not a JSON object");
    cases.put("{\"packages\": 5}", "\"packages\" must be a list of strings");
    cases.put("{\"suite\":\"a\",\"suite\":\"b\"}", "Duplicate field 'suite'");
    cases.put("{\"bogus\": 1}", "\"bogus\" is not an argument of source \"debian\"");
    cases.put("{\"suite\":\"bookworm\"", "spec.json:1:20: not a JSON object with source");
    cases.put("{\"suite\":\"bookworm\", ", "(is it cut short?)");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Files.writeString(tmp.resolve("spec.json"), c.getKey());
      CliTestSupport.Run run = CliTestSupport.run(tmp, Map.of(), "lock", "spec.json");
      assertThat(run.exitCode()).as(c.getKey()).isEqualTo(2);
      assertThat(run.err())
          .as(c.getKey())
          .contains(c.getValue())
          .doesNotContain("REDACTED")
          .doesNotContain("Exception")
          .doesNotContain("cannot be cast");
    }
  }

  /** The hex digests of a one-image layout's config and manifest. */
  private record Written(String config, String manifest) {}

  /** A layout whose one manifest names {@code config} with a descriptor size of {@code size}. */
  private static Written layout(Path layout, String config, String size) throws Exception {
    Path blobs = Files.createDirectories(layout.resolve("blobs/sha256"));
    String c = sha(blobs, config);
    String manifest =
        sha(
            blobs,
            "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\","
                + "\"digest\":\"sha256:"
                + c
                + "\",\"size\":"
                + size
                + "},\"layers\":[]}");
    Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    Files.writeString(
        layout.resolve("index.json"),
        "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
            + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:"
            + manifest
            + "\",\"size\":10}]}");
    return new Written(c, manifest);
  }

  private static String sha(Path blobs, String text) throws Exception {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    Files.write(blobs.resolve(hex), b);
    return hex;
  }

  private static void writeTar(Path tar, Map<String, String> members) throws IOException {
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
      for (Map.Entry<String, String> m : members.entrySet()) {
        put(out, m.getKey(), m.getValue());
      }
    }
  }

  private static void put(TarArchiveOutputStream out, String name, String text) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(b.length);
    out.putArchiveEntry(e);
    ((OutputStream) out).write(b);
    out.closeArchiveEntry();
  }
}
