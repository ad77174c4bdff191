package dev.ingot.artifact;

import java.nio.file.Path;
import java.util.List;

/** An image in a registry: {@code repository@digest}, with the tags pushed. */
public record PushedImage(String repository, String digest, List<String> tags, ContainerImage image)
    implements Artifact {
  public PushedImage {
    tags = List.copyOf(tags);
  }

  @Override
  public String id() {
    return repository + "@" + digest;
  }

  @Override
  public List<Path> files() {
    return List.of();
  }

  @Override
  public String describe() {
    return "pushed " + id() + (tags.isEmpty() ? "" : " as " + String.join(", ", tags));
  }
}
