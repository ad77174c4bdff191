package dev.ingot.scan.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import dev.ingot.artifact.InstalledPackage;
import dev.ingot.artifact.RootFs;
import dev.ingot.scan.Fixtures;
import dev.ingot.scan.TestRoots;
import dev.ingot.scan.inventory.Inventory;
import dev.ingot.scan.inventory.InventoryReader;
import dev.ingot.scan.inventory.PackageSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SbomTest {
  static final String DEP5 =
      """
      Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
      Upstream-Name: OpenSSL

      Files: *
      Copyright: 1998-2023 The OpenSSL Project
      License: Apache-2.0

      Files: debian/*
      Copyright: 2004 Debian
      License: GPL-2+ or Artistic

      License: Apache-2.0
       Licensed under the Apache License, Version 2.0.
      """;

  @TempDir Path tmp;
  SbomInput input;

  @BeforeEach
  void setUp() throws Exception {
    TestRoots r =
        Fixtures.debianRoot(tmp.resolve("blobs"))
            .file("usr/share/doc/libssl3/copyright", DEP5)
            .file(
                "usr/share/doc/zlib1g/copyright",
                "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\n"
                    + "Files: *\nCopyright: Jean-loup Gailly\nLicense: Zlib\n\n"
                    + "Files: contrib/*\nCopyright: someone\nLicense: permissive-custom\n")
            .file("usr/share/doc/tar/copyright", "This is not DEP-5; GPL-3 applies.\n");
    InstalledPackage known =
        new InstalledPackage(
            "libssl3",
            "3.0.11-1~deb12u2",
            "amd64",
            "openssl",
            null,
            "ab".repeat(32),
            "main",
            "bookworm-security");
    RootFs fs = new RootFs(r.tree(), r.blobs(), List.of(known), "system", "amd64", "debian-12");
    PackageSource src = PackageSource.of(fs);
    Inventory inv = new InventoryReader().read(src);
    input =
        new SbomInput(
            "hello",
            "sha256:" + "cd".repeat(32),
            "container",
            inv,
            SbomInput.readLicenses(src.root(), inv),
            Instant.parse("2026-01-01T00:00:00Z"),
            "0.1.0");
  }

  @Test
  void licensesFromDep5() {
    assertThat(input.licenses().get("libssl3"))
        .extracting(Dep5.DeclaredLicense::spdx)
        .containsExactly("Apache-2.0", "GPL-2.0-or-later OR Artistic-1.0-Perl");
    assertThat(input.licenses().get("zlib1g"))
        .extracting(Dep5.DeclaredLicense::debianName)
        .containsExactly("Zlib", "permissive-custom");
    assertThat(input.licenses()).doesNotContainKey("tar");
  }

  @Test
  void purls() {
    InstalledPackage zlib =
        new InstalledPackage("zlib1g", "1:1.2.13.dfsg-1", "amd64", "zlib", null, null, null, null);
    assertThat(Purls.deb(zlib, "debian", "debian-12"))
        .isEqualTo(
            "pkg:deb/debian/zlib1g@1%3A1.2.13.dfsg-1?arch=amd64&distro=debian-12&upstream=zlib");
  }

  @Test
  void cycloneDxValidatesAgainstTheSchemaAndCarriesHashesLicensesAndGraph() throws Exception {
    String bom = CycloneDxWriter.write(input);
    List<ParseException> errors =
        new JsonParser().validate(bom.getBytes(StandardCharsets.UTF_8), Version.VERSION_16);
    assertThat(errors).as(bom).isEmpty();
    JsonNode j = new ObjectMapper().readTree(bom);
    assertThat(j.path("specVersion").asText()).isEqualTo("1.6");
    assertThat(j.path("components")).hasSize(7);
    JsonNode ssl = component(j, "libssl3");
    assertThat(ssl.path("purl").asText())
        .isEqualTo(
            "pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12&upstream=openssl");
    assertThat(ssl.path("hashes").get(0).path("content").asText()).isEqualTo("ab".repeat(32));
    assertThat(ssl.path("licenses").get(0).path("expression").asText())
        .isEqualTo("Apache-2.0 AND (GPL-2.0-or-later OR Artistic-1.0-Perl)");
    JsonNode zlib = component(j, "zlib1g");
    assertThat(zlib.path("licenses").get(0).path("license").path("id").asText()).isEqualTo("Zlib");
    assertThat(zlib.path("licenses").get(1).path("license").path("name").asText())
        .isEqualTo("permissive-custom");
    JsonNode curlDeps = null;
    for (JsonNode d : j.path("dependencies")) {
      if (d.path("ref").asText().startsWith("pkg:deb/debian/curl@")) {
        curlDeps = d.path("dependsOn");
      }
    }
    assertThat(curlDeps).isNotNull();
    assertThat(curlDeps.toString()).contains("libc6").contains("zlib1g").contains("libssl3");
    // Reproducible: same input, same bytes.
    assertThat(CycloneDxWriter.write(input)).isEqualTo(bom);
  }

  @Test
  void cycloneDxValidatorCatchesABrokenBom() throws Exception {
    String broken = CycloneDxWriter.write(input).replace("\"library\"", "\"not-a-type\"");
    assertThat(
            new JsonParser().validate(broken.getBytes(StandardCharsets.UTF_8), Version.VERSION_16))
        .isNotEmpty();
  }

  @Test
  void spdxValidatesAgainstTheSpdx23Schema() throws Exception {
    String doc = SpdxWriter.write(input);
    Set<ValidationMessage> errors =
        dev.ingot.scan.SpdxSchema.load().validate(new ObjectMapper().readTree(doc));
    assertThat(errors).as(doc).isEmpty();
    JsonNode j = new ObjectMapper().readTree(doc);
    assertThat(j.path("spdxVersion").asText()).isEqualTo("SPDX-2.3");
    assertThat(j.path("packages")).hasSize(8);
    JsonNode zlib = null;
    for (JsonNode p : j.path("packages")) {
      if (p.path("name").asText().equals("zlib1g")) {
        zlib = p;
      }
    }
    assertThat(zlib.path("licenseDeclared").asText())
        .isEqualTo("Zlib AND LicenseRef-permissive-custom");
    assertThat(j.path("hasExtractedLicensingInfos").get(0).path("licenseId").asText())
        .isEqualTo("LicenseRef-permissive-custom");
    assertThat(j.path("relationships").toString()).contains("DEPENDS_ON").contains("DESCRIBES");
    assertThat(SpdxWriter.write(input)).isEqualTo(doc);
    SbomInput os =
        new SbomInput(
            "rootfs",
            "",
            "operating-system",
            input.inventory(),
            input.licenses(),
            input.created(),
            "0.1.0");
    assertThat(
            dev.ingot.scan.SpdxSchema.load()
                .validate(new ObjectMapper().readTree(SpdxWriter.write(os))))
        .isEmpty();
    assertThat(
            new JsonParser()
                .validate(
                    CycloneDxWriter.write(os).getBytes(StandardCharsets.UTF_8), Version.VERSION_16))
        .isEmpty();
    // The schema is really checked: a document without its required fields fails.
    JsonNode bad = new ObjectMapper().readTree("{\"spdxVersion\":\"SPDX-2.3\"}");
    assertThat(dev.ingot.scan.SpdxSchema.load().validate(bad)).isNotEmpty();
  }

  private static JsonNode component(JsonNode bom, String name) {
    for (JsonNode c : bom.path("components")) {
      if (c.path("name").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no component " + name);
  }
}
