package dev.ingot.scan.sbom;

import dev.ingot.artifact.InstalledPackage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.license.Expression;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * Writes a CycloneDX 1.6 JSON BOM with cyclonedx-core-java: the subject as metadata component, one
 * library component per installed package (purl as bom-ref, sha256 of the .deb when Ingot installed
 * it, declared licenses, source package as a property) and the dependency graph. The serial number
 * is derived from the content, so equal inputs give byte-equal documents. Pure.
 */
public final class CycloneDxWriter {
  private CycloneDxWriter() {}

  public static String write(SbomInput in) {
    Bom bom = new Bom();
    bom.setVersion(1);
    Metadata md = new Metadata();
    md.setTimestamp(Date.from(in.created()));
    Component tool = new Component();
    tool.setType(Component.Type.APPLICATION);
    tool.setName("ingot");
    tool.setVersion(in.toolVersion());
    ToolInformation ti = new ToolInformation();
    ti.setComponents(List.of(tool));
    md.setToolChoice(ti);
    Component subject = new Component();
    subject.setType(
        in.kind().equals("container") ? Component.Type.CONTAINER : Component.Type.OPERATING_SYSTEM);
    subject.setName(in.name());
    if (!in.version().isEmpty()) {
      subject.setVersion(in.version());
    }
    String subjectRef = "subject:" + in.name();
    subject.setBomRef(subjectRef);
    md.setComponent(subject);
    bom.setMetadata(md);

    Map<String, String> refByName = new HashMap<>();
    List<Component> comps = new ArrayList<>();
    StringBuilder identity = new StringBuilder(in.name()).append('\n').append(in.version());
    for (InstalledPackage p : in.inventory().packages()) {
      String purl = Purls.deb(p, in.vendor(), in.distro());
      refByName.putIfAbsent(p.name(), purl);
      identity.append('\n').append(purl).append(' ').append(p.sha256());
      Component c = new Component();
      c.setType(Component.Type.LIBRARY);
      c.setName(p.name());
      c.setVersion(p.version());
      c.setPurl(purl);
      c.setBomRef(purl);
      if (p.sha256() != null) {
        c.addHash(new Hash(Hash.Algorithm.SHA_256, p.sha256()));
      }
      LicenseChoice lc = licenses(in.licenses().getOrDefault(p.name(), List.of()));
      if (lc != null) {
        c.setLicenses(lc);
      }
      c.addProperty(property("ingot:package:source", p.sourceName() + " " + p.sourceVersion()));
      if (p.architecture() != null) {
        c.addProperty(property("ingot:package:architecture", p.architecture()));
      }
      if (p.suite() != null) {
        c.addProperty(property("ingot:package:suite", p.suite()));
      }
      comps.add(c);
    }
    bom.setComponents(comps);

    List<Dependency> deps = new ArrayList<>();
    Dependency root = new Dependency(subjectRef);
    for (InstalledPackage p : in.inventory().packages()) {
      root.addDependency(new Dependency(refByName.get(p.name())));
    }
    deps.add(root);
    for (InstalledPackage p : in.inventory().packages()) {
      String ref = Purls.deb(p, in.vendor(), in.distro());
      Dependency d = new Dependency(ref);
      for (String name : in.inventory().dependsOn().getOrDefault(p.name(), List.of())) {
        String target = refByName.get(name);
        if (target != null) {
          d.addDependency(new Dependency(target));
        }
      }
      deps.add(d);
    }
    bom.setDependencies(deps);
    bom.setSerialNumber(
        "urn:uuid:" + UUID.nameUUIDFromBytes(identity.toString().getBytes(StandardCharsets.UTF_8)));
    try {
      return BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString() + "\n";
    } catch (GeneratorException e) {
      throw new IllegalStateException("CycloneDX generation failed: " + e.getMessage(), e);
    }
  }

  /** One SPDX id as a license id; a compound expression; Debian names without SPDX as names. */
  private static LicenseChoice licenses(List<Dep5.DeclaredLicense> declared) {
    if (declared.isEmpty()) {
      return null;
    }
    LicenseChoice lc = new LicenseChoice();
    boolean allSpdx = declared.stream().allMatch(Dep5.DeclaredLicense::isSpdx);
    boolean anyCompound = declared.stream().anyMatch(d -> d.isSpdx() && !d.isSingleId());
    if (allSpdx && anyCompound) {
      List<String> parts = new ArrayList<>();
      declared.forEach(d -> parts.add(d.isSingleId() ? d.spdx() : "(" + d.spdx() + ")"));
      lc.setExpression(new Expression(String.join(" AND ", parts)));
      return lc;
    }
    for (Dep5.DeclaredLicense d : declared) {
      License l = new License();
      if (d.isSingleId()) {
        l.setId(d.spdx());
      } else {
        l.setName(d.debianName());
      }
      lc.addLicense(l);
    }
    return lc;
  }

  private static Property property(String name, String value) {
    Property p = new Property();
    p.setName(name);
    p.setValue(value);
    return p;
  }
}
