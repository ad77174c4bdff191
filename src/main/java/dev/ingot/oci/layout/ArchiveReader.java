package dev.ingot.oci.layout;

import dev.ingot.fs.BlobStore;
import dev.ingot.fs.Digest;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileType;
import dev.ingot.fs.FsPaths;
import dev.ingot.fs.compress.Compression;
import dev.ingot.fs.tar.TarInput;
import dev.ingot.fs.tar.TarReadOptions;
import dev.ingot.oci.model.Descriptor;
import dev.ingot.oci.model.Image;
import dev.ingot.oci.model.ImageConfig;
import dev.ingot.oci.model.Json;
import dev.ingot.oci.model.Manifest;
import dev.ingot.oci.model.MediaTypes;
import dev.ingot.oci.model.Platform;
import dev.ingot.plugin.IoMessages;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens images in archives: an {@code oci-archive} (an OCI layout in a tar) or a {@code
 * docker-archive} ({@code docker save} format). Members are streamed once into a blob store (so
 * nothing is extracted to disk by name); an oci-archive's blobs are checked against their names. A
 * docker-archive has no manifest, so one is made (OCI media types, layers as stored). Thread-safe
 * (no state).
 */
public final class ArchiveReader {
  private ArchiveReader() {}

  /** The image named {@code name} (null: the only one) for {@code platform} (null: any). */
  public static Image ociArchive(Path file, String name, Platform platform, BlobStore into)
      throws IOException {
    byte[] index = null;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      index = ociMembers(file, in, into);
    } catch (IOException | IllegalArgumentException e) {
      throw named(file, e);
    }
    if (index == null) {
      throw new IOException(file + " is not an oci-archive: it has no index.json");
    }
    return OciLayoutReader.fromIndex(index, into, name, platform, file.toString());
  }

  /** A tar error ("chksum is not an octal number") says which archive it is about. */
  private static IOException named(Path file, Exception e) {
    String m = IoMessages.describe(e);
    return m.startsWith(file.toString())
        ? (e instanceof IOException io ? io : new IOException(m, e))
        : new IOException(file + ": " + m, e);
  }

  /** Streams an oci-archive's blobs into {@code into}; returns its index.json (null: none). */
  private static byte[] ociMembers(Path file, InputStream in, BlobStore into) throws IOException {
    byte[] index = null;
    TarInput tar = new TarInput(in, TarReadOptions.DEFAULTS.withRootless(true));
    for (FileEntry e; (e = tar.next()) != null; ) {
      if (!e.isRegular()) {
        continue;
      }
      if (e.path().equals("index.json")) {
        OciLayoutReader.checkJsonSize(e.size(), "index.json");
        index = tar.content().readAllBytes();
      } else if (e.path().startsWith("blobs/")) {
        String[] p = e.path().split("/");
        if (p.length == 3) {
          into.put(tar.content(), new Digest(p[1], p[2]));
        }
      }
    }
    return index;
  }

  /** The image tagged {@code name} ("repo:tag"; null: the only one) of a docker-archive. */
  @SuppressWarnings("unchecked")
  public static Image dockerArchive(Path file, String name, BlobStore into) throws IOException {
    Map<String, Digest> files = new HashMap<>();
    Map<String, String> links = new HashMap<>();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      TarInput tar = new TarInput(in, TarReadOptions.DEFAULTS.withRootless(true));
      for (FileEntry e; (e = tar.next()) != null; ) {
        if (e.isRegular()) {
          Digest d = into.put(tar.content());
          Digest before = files.put(e.path(), d);
          if (before != null && !before.equals(d)) {
            // Which one docker load takes is an accident of its reader; guessing could scan or
            // load another image than the one a reviewer looked at.
            throw new IOException(
                file + " holds two different members named " + e.path() + ": it is ambiguous");
          }
        } else if (e.type() == FileType.SYMLINK) {
          links.put(e.path(), FsPaths.resolveLink(e.path(), e.linkTarget()));
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw named(file, e);
    }
    Digest manifestFile = files.get("manifest.json");
    if (manifestFile == null) {
      throw new IOException(file + " is not a docker-archive: it has no manifest.json");
    }
    List<Map<String, Object>> entries = manifestEntries(into, manifestFile, file);
    Map<String, Object> pick = null;
    for (Map<String, Object> m : entries) {
      List<?> tags = m.get("RepoTags") instanceof List<?> l ? l : List.of();
      if (name == null ? entries.size() == 1 : tags.contains(name)) {
        pick = m;
        break;
      }
    }
    if (pick == null) {
      throw new IOException(
          file
              + (name == null
                  ? entries.isEmpty()
                      ? ": its manifest.json lists no image"
                      : " holds several images; name one (PATH:REPO:TAG)"
                  : " has no image tagged " + name));
    }
    if (!(pick.get("Config") instanceof String configName)) {
      throw new IOException(
          file + ": manifest.json: the image's \"Config\" must be the name of a member");
    }
    if (!(pick.get("Layers") instanceof List<?> layerNames)
        || !layerNames.stream().allMatch(String.class::isInstance)) {
      throw new IOException(
          file + ": manifest.json: the image's \"Layers\" must be a list of member names");
    }
    Digest config = member(files, links, configName, file);
    OciLayoutReader.checkJsonSize(into.size(config), file + ": config " + configName);
    byte[] configBytes;
    try (InputStream in = into.open(config)) {
      configBytes = in.readAllBytes();
    }
    ImageConfig cfg;
    try {
      cfg = ImageConfig.parse(configBytes);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": config " + configName + ": " + e.getMessage(), e);
    }
    List<Descriptor> layers = new ArrayList<>();
    for (Object l : layerNames) {
      Digest d = member(files, links, (String) l, file);
      layers.add(Descriptor.of(layerType(into, d), d, into.size(d)));
    }
    Manifest m =
        Manifest.oci(
            Descriptor.of(MediaTypes.OCI_CONFIG, config, configBytes.length), layers, Map.of());
    byte[] mb = m.toBytes();
    Digest md = into.put(new ByteArrayInputStream(mb));
    return new Image(
        Descriptor.of(MediaTypes.OCI_MANIFEST, md, mb.length).withPlatform(cfg.platform()),
        m,
        cfg,
        into);
  }

  /** manifest.json: a list of objects, each an image ({"Config", "RepoTags", "Layers"}). */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> manifestEntries(
      BlobStore into, Digest manifestFile, Path file) throws IOException {
    OciLayoutReader.checkJsonSize(into.size(manifestFile), file + ": manifest.json");
    Object parsed;
    try (InputStream in = into.open(manifestFile)) {
      parsed = Json.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": manifest.json is not JSON: " + e.getMessage(), e);
    }
    if (!(parsed instanceof List<?> list) || !list.stream().allMatch(Map.class::isInstance)) {
      throw new IOException(
          file + ": manifest.json must be a list of images ({\"Config\", \"Layers\", …})");
    }
    return (List<Map<String, Object>>) list;
  }

  private static Digest member(
      Map<String, Digest> files, Map<String, String> links, String name, Path file)
      throws IOException {
    String p = FsPaths.normalize(name);
    for (int hops = 0; hops < 8 && links.containsKey(p); hops++) {
      p = links.get(p);
    }
    Digest d = files.get(p);
    if (d == null) {
      throw new IOException(file + " lacks member " + name);
    }
    return d;
  }

  private static String layerType(BlobStore store, Digest d) throws IOException {
    try (InputStream in = new BufferedInputStream(store.open(d))) {
      return switch (Compression.detect(in)) {
        case GZIP -> MediaTypes.OCI_LAYER_GZIP;
        case ZSTD -> MediaTypes.OCI_LAYER_ZSTD;
        case NONE -> MediaTypes.OCI_LAYER;
        case XZ ->
            throw new IOException("layer " + d + " is xz-compressed, which OCI does not allow");
      };
    }
  }
}
