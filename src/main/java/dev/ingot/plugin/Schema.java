package dev.ingot.plugin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The arguments a plugin accepts, in declaration order. Immutable. */
public record Schema(List<Arg> args) {
  public Schema {
    args = List.copyOf(args);
    Map<String, Arg> seen = new LinkedHashMap<>();
    for (Arg a : args) {
      if (seen.put(a.name(), a) != null) {
        throw new IllegalArgumentException("duplicate argument " + a.name());
      }
    }
  }

  public static Schema of(Arg... args) {
    return new Schema(List.of(args));
  }

  public Optional<Arg> arg(String name) {
    return args.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  public List<String> names() {
    return args.stream().map(Arg::name).toList();
  }

  /** This schema plus {@code more} (for settings every plugin of a kind shares). */
  public Schema plus(List<Arg> more) {
    return new Schema(java.util.stream.Stream.concat(args.stream(), more.stream()).toList());
  }
}
