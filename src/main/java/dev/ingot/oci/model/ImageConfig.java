package dev.ingot.oci.model;

import dev.ingot.fs.Digest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An image configuration (OCI {@code application/vnd.oci.image.config.v1+json}, which Docker's
 * config also satisfies): {@code created} as RFC 3339, platform, execution config, the diff ids of
 * the layers (sha256 of each uncompressed layer tar) and history. Fields this model does not know
 * are dropped when a config is read and written again. Immutable.
 */
public record ImageConfig(
    String created,
    String author,
    Platform platform,
    ContainerConfig config,
    List<Digest> diffIds,
    List<History> history) {
  public ImageConfig {
    if (platform == null) {
      throw new IllegalArgumentException("an image config needs a platform");
    }
    config = config == null ? ContainerConfig.EMPTY : config;
    diffIds = List.copyOf(diffIds);
    history = List.copyOf(history);
  }

  public ImageConfig withConfig(ContainerConfig c) {
    return new ImageConfig(created, author, platform, c, diffIds, history);
  }

  public ImageConfig withCreated(String c) {
    return new ImageConfig(c, author, platform, config, diffIds, history);
  }

  public ImageConfig withAuthor(String a) {
    return new ImageConfig(created, a, platform, config, diffIds, history);
  }

  /** A copy with one more layer and its history entry. */
  public ImageConfig plusLayer(Digest diffId, History h) {
    List<Digest> d = new ArrayList<>(diffIds);
    d.add(diffId);
    List<History> hs = new ArrayList<>(history);
    hs.add(h);
    return new ImageConfig(created, author, platform, config, d, hs);
  }

  public byte[] toBytes() {
    Map<String, Object> m = JsonFields.ordered();
    JsonFields.putIf(m, "created", created);
    JsonFields.putIf(m, "author", author);
    m.put("architecture", platform.architecture());
    m.put("os", platform.os());
    JsonFields.putIf(m, "variant", platform.variant());
    m.put("config", config.toJson());
    Map<String, Object> rootfs = JsonFields.ordered();
    rootfs.put("type", "layers");
    rootfs.put("diff_ids", diffIds.stream().map(Digest::toString).toList());
    m.put("rootfs", rootfs);
    JsonFields.putIf(m, "history", history.stream().map(History::toJson).toList());
    return Json.write(m).getBytes(StandardCharsets.UTF_8);
  }

  public static ImageConfig parse(byte[] bytes) {
    Map<String, Object> m = Json.object(new String(bytes, StandardCharsets.UTF_8));
    Map<String, Object> rootfs = JsonFields.obj(m, "rootfs");
    List<String> ids = rootfs == null ? List.of() : JsonFields.strings(rootfs, "diff_ids");
    return new ImageConfig(
        JsonFields.str(m, "created"),
        JsonFields.str(m, "author"),
        new Platform(
            JsonFields.required(m, "os"),
            JsonFields.required(m, "architecture"),
            JsonFields.str(m, "variant")),
        ContainerConfig.fromJson(JsonFields.obj(m, "config")),
        ids == null ? List.of() : ids.stream().map(Digest::parse).toList(),
        JsonFields.objects(m, "history").stream().map(History::fromJson).toList());
  }
}
