package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ingot inspect-image} of OCI layouts written by hand, as another tool could write them. */
class InspectImageCommandTest {
  @TempDir Path tmp;

  CliTestSupport.Run inspect(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "inspect-image";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliTestSupport.run(
        tmp,
        Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString(), "HOME", tmp.toString()),
        all);
  }

  /** A one-layer OCI layout whose blobs are named by {@code alg} ("sha256" or "sha512"). */
  static final class Layout {
    final Path dir;
    final String alg;

    Layout(Path dir, String alg) throws Exception {
      this.dir = dir;
      this.alg = alg;
      Files.createDirectories(dir.resolve("blobs").resolve(alg));
      Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    }

    /** Stores {@code bytes} as a blob and returns its digest. */
    String blob(byte[] bytes) throws Exception {
      String hex =
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance(alg.equals("sha512") ? "SHA-512" : "SHA-256")
                      .digest(bytes));
      Files.write(dir.resolve("blobs").resolve(alg).resolve(hex), bytes);
      return alg + ":" + hex;
    }

    /** Writes config, layer, manifest and index; {@code configJson} is the config's "config". */
    void write(String configJson, String annotations) throws Exception {
      byte[] layer = "not read by inspect-image".getBytes(StandardCharsets.UTF_8);
      String layerDigest = blob(layer);
      byte[] config =
          ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":"
                  + configJson
                  + ",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                  + layerDigest
                  + "\"]}}")
              .getBytes(StandardCharsets.UTF_8);
      String configDigest = blob(config);
      byte[] manifest =
          ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                  + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\","
                  + "\"digest\":\""
                  + configDigest
                  + "\",\"size\":"
                  + config.length
                  + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\","
                  + "\"digest\":\""
                  + layerDigest
                  + "\",\"size\":"
                  + layer.length
                  + "}],\"annotations\":"
                  + annotations
                  + "}")
              .getBytes(StandardCharsets.UTF_8);
      String manifestDigest = blob(manifest);
      Files.writeString(
          dir.resolve("index.json"),
          "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
              + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\""
              + manifestDigest
              + "\",\"size\":"
              + manifest.length
              + "}]}");
    }
  }

  @Test
  void stringsFromTheImageAreEscapedInTheTextOutput() throws Exception {
    new Layout(tmp.resolve("img"), "sha256")
        .write(
            "{\"Labels\":{\"evil\":\"\\u001b[31mred\\nLabel forged=yes\"},"
                + "\"Env\":[\"A=\\u009b2J\\u202e\"]}",
            "{\"note\":\"\\u001b]0;title\\u0007\"}");
    CliTestSupport.Run r = inspect("oci-layout:" + tmp.resolve("img"));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("  Label evil=\\x1b[31mred\\x0aLabel forged=yes\n")
        .contains("  Env A=\\x9b2J\\u202e\n")
        .contains("Annotation: note=\\x1b]0;title\\x07\n")
        .doesNotContain("\u001b")
        .doesNotContain("\u009b")
        .doesNotContain("\u202e")
        .doesNotContain("\nLabel forged");

    // JSON is escaped by the JSON writer and keeps the label's text exactly.
    CliTestSupport.Run json = inspect("--json", "oci-layout:" + tmp.resolve("img"));
    assertThat(json.exitCode()).as(json.err()).isZero();
    assertThat(json.out())
        .doesNotContain("\u001b")
        .doesNotContain("\u009b")
        .doesNotContain("\u202e")
        .contains("\\u001b[31mred\\nLabel forged=yes")
        .contains("A=\\u009b2J\\u202e");
    assertThat(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json.out())
                .at("/config/config/Env/0")
                .asText())
        .isEqualTo("A=\u009b2J\u202e"); // the same string, for a JSON reader
  }

  @Test
  void aLayoutWithSha512DigestsIsReadAndItsBlobsAreChecked() throws Exception {
    Layout l = new Layout(tmp.resolve("img"), "sha512");
    l.write("{\"Labels\":{\"made-by\":\"another tool\"}}", "{}");
    CliTestSupport.Run r = inspect("oci-layout:" + l.dir);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .containsPattern("Digest: +sha512:[0-9a-f]{128}\n")
        .containsPattern("  1  sha512:[0-9a-f]{128} ")
        .contains("Label made-by=another tool");

    // A blob whose content is not what its sha512 name says is still refused.
    Path config;
    try (var blobs = Files.list(l.dir.resolve("blobs/sha512"))) {
      config = blobs.filter(p -> readString(p).contains("\"rootfs\"")).findFirst().orElseThrow();
    }
    Files.writeString(config, readString(config).replace("another tool", "someone else"));
    CliTestSupport.Run bad = inspect("oci-layout:" + l.dir);
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err())
        .contains("blob sha512:" + config.getFileName() + " does not match its digest")
        .doesNotContain("Exception");
  }

  private static String readString(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
