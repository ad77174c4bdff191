package dev.ingot.pkg.deb;

import java.net.URI;
import java.util.List;

/**
 * A binary package as a repository index lists it, with the fields resolution, download and the
 * lock need. {@code filename} is the pool path relative to {@code repository} (the mirror's base
 * URI); {@code size} is in bytes; {@code suite} is where it was found. Relation fields are kept as
 * text and parsed on demand, because a resolver visits a few hundred of the tens of thousands of
 * packages an index holds. Immutable.
 */
public record BinaryPackage(
    String name,
    DebVersion version,
    String architecture,
    String multiArch,
    boolean essential,
    String priority,
    String source,
    String sourceVersion,
    String depends,
    String preDepends,
    String recommends,
    String provides,
    String conflicts,
    String breaks,
    String filename,
    long size,
    String sha256,
    URI repository,
    String suite) {

  public BinaryPackage {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("package without a name");
    }
    multiArch = multiArch == null ? "no" : multiArch;
    priority = priority == null ? "optional" : priority;
  }

  /** Reads the fields of a Packages stanza; {@code repository} and {@code suite} say where. */
  public static BinaryPackage of(Paragraph p, URI repository, String suite) {
    String name = p.require("Package");
    DebVersion v = DebVersion.parse(p.require("Version"));
    String src = p.get("Source", name).strip();
    String srcVersion = v.toString();
    int paren = src.indexOf('(');
    if (paren >= 0) {
      srcVersion = src.substring(paren + 1, src.indexOf(')', paren)).strip();
      src = src.substring(0, paren).strip();
    }
    return new BinaryPackage(
        name,
        v,
        p.require("Architecture"),
        p.get("Multi-Arch").orElse(null),
        p.get("Essential", "no").equalsIgnoreCase("yes"),
        p.get("Priority").orElse(null),
        src,
        srcVersion,
        p.get("Depends", ""),
        p.get("Pre-Depends", ""),
        p.get("Recommends", ""),
        p.get("Provides", ""),
        p.get("Conflicts", ""),
        p.get("Breaks", ""),
        p.get("Filename", ""),
        Long.parseLong(p.get("Size", "0").strip()),
        p.get("SHA256", "").strip(),
        repository,
        suite);
  }

  /** Pre-Depends then Depends, as groups of alternatives. */
  public List<List<Relation>> hardDependencies() {
    List<List<Relation>> all = new java.util.ArrayList<>(Relation.parseField(preDepends));
    all.addAll(Relation.parseField(depends));
    return all;
  }

  public List<Relation> providedNames() {
    return Relation.parseFlat(provides);
  }

  /** "name=version" — how errors and the lock name one package. */
  public String id() {
    return name + "=" + version;
  }

  /** The download location: the repository base joined with the pool path. */
  public URI uri() {
    String base = repository.toString();
    return URI.create(base.endsWith("/") ? base + filename : base + "/" + filename);
  }
}
