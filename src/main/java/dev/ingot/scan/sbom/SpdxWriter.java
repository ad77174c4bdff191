package dev.ingot.scan.sbom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ingot.artifact.InstalledPackage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes an SPDX 2.3 JSON document: the subject package, described by the document, CONTAINS every
 * installed package (purl external reference, SHA256 checksum when known, declared licenses as an
 * SPDX expression with LicenseRef- entries for Debian names without an SPDX id), and DEPENDS_ON
 * relationships from the dependency graph. The namespace is derived from the content, so equal
 * inputs give equal documents. Pure.
 */
public final class SpdxWriter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SpdxWriter() {}

  public static String write(SbomInput in) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("spdxVersion", "SPDX-2.3");
    doc.put("dataLicense", "CC0-1.0");
    doc.put("SPDXID", "SPDXRef-DOCUMENT");
    doc.put("name", in.name() + (in.version().isEmpty() ? "" : "@" + in.version()));
    Map<String, Object> ci = new LinkedHashMap<>();
    ci.put("created", in.created().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    ci.put("creators", List.of("Tool: ingot-" + in.toolVersion()));
    doc.put("creationInfo", ci);

    String subjectId = "SPDXRef-" + id(in.name());
    List<Object> packages = new ArrayList<>();
    Map<String, Object> subject = new LinkedHashMap<>();
    subject.put("SPDXID", subjectId);
    subject.put("name", in.name());
    if (!in.version().isEmpty()) {
      subject.put("versionInfo", in.version());
    }
    subject.put("downloadLocation", "NOASSERTION");
    subject.put("filesAnalyzed", false);
    subject.put(
        "primaryPackagePurpose", in.kind().equals("container") ? "CONTAINER" : "OPERATING_SYSTEM");
    packages.add(subject);

    List<Object> rels = new ArrayList<>();
    rels.add(rel("SPDXRef-DOCUMENT", "DESCRIBES", subjectId));
    Map<String, String> idByName = new HashMap<>();
    Set<String> licenseRefs = new LinkedHashSet<>();
    StringBuilder identity = new StringBuilder(in.name()).append(in.version());
    for (InstalledPackage p : in.inventory().packages()) {
      String spdxId =
          "SPDXRef-Package-deb-"
              + id(p.name())
              + "-"
              + id(p.architecture() == null ? "none" : p.architecture());
      idByName.putIfAbsent(p.name(), spdxId);
      String purl = Purls.deb(p, in.vendor(), in.distro());
      identity.append('\n').append(purl);
      Map<String, Object> pkg = new LinkedHashMap<>();
      pkg.put("SPDXID", spdxId);
      pkg.put("name", p.name());
      pkg.put("versionInfo", p.version());
      pkg.put("supplier", "NOASSERTION");
      pkg.put("downloadLocation", "NOASSERTION");
      pkg.put("filesAnalyzed", false);
      if (p.sha256() != null) {
        pkg.put("checksums", List.of(Map.of("algorithm", "SHA256", "checksumValue", p.sha256())));
      }
      pkg.put(
          "sourceInfo", "built from source package " + p.sourceName() + " " + p.sourceVersion());
      pkg.put("licenseConcluded", "NOASSERTION");
      pkg.put(
          "licenseDeclared",
          declared(in.licenses().getOrDefault(p.name(), List.of()), licenseRefs));
      pkg.put("copyrightText", "NOASSERTION");
      pkg.put(
          "externalRefs",
          List.of(
              Map.of(
                  "referenceCategory", "PACKAGE-MANAGER",
                  "referenceType", "purl",
                  "referenceLocator", purl)));
      pkg.put("primaryPackagePurpose", "LIBRARY");
      packages.add(pkg);
      rels.add(rel(subjectId, "CONTAINS", spdxId));
    }
    for (InstalledPackage p : in.inventory().packages()) {
      for (String dep : in.inventory().dependsOn().getOrDefault(p.name(), List.of())) {
        String target = idByName.get(dep);
        if (target != null) {
          rels.add(rel(idByName.get(p.name()), "DEPENDS_ON", target));
        }
      }
    }
    doc.put(
        "documentNamespace",
        "urn:uuid:" + UUID.nameUUIDFromBytes(identity.toString().getBytes(StandardCharsets.UTF_8)));
    doc.put("documentDescribes", List.of(subjectId));
    doc.put("packages", packages);
    doc.put("relationships", rels);
    if (!licenseRefs.isEmpty()) {
      List<Object> extracted = new ArrayList<>();
      for (String name : licenseRefs) {
        extracted.add(
            Map.of(
                "licenseId",
                "LicenseRef-" + id(name),
                "name",
                name,
                "extractedText",
                "Debian license short name '"
                    + name
                    + "'; the text is in the package's"
                    + " /usr/share/doc/<package>/copyright"));
      }
      doc.put("hasExtractedLicensingInfos", extracted);
    }
    try {
      return JSON.writeValueAsString(doc) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String declared(List<Dep5.DeclaredLicense> l, Set<String> refs) {
    if (l.isEmpty()) {
      return "NOASSERTION";
    }
    List<String> parts = new ArrayList<>();
    for (Dep5.DeclaredLicense d : l) {
      if (d.isSpdx()) {
        parts.add(l.size() > 1 && !d.isSingleId() ? "(" + d.spdx() + ")" : d.spdx());
      } else {
        refs.add(d.debianName());
        parts.add("LicenseRef-" + id(d.debianName()));
      }
    }
    return String.join(" AND ", parts);
  }

  private static Map<String, Object> rel(String from, String type, String to) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("spdxElementId", from);
    r.put("relationshipType", type);
    r.put("relatedSpdxElement", to);
    return r;
  }

  /** SPDX ids allow letters, digits, '.' and '-'. */
  static String id(String s) {
    String r = s.replaceAll("[^A-Za-z0-9.-]", "-");
    return r.isEmpty() ? "x" : r;
  }
}
