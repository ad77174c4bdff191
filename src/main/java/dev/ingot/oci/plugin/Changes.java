package dev.ingot.oci.plugin;

import dev.ingot.oci.model.ContainerConfig;
import dev.ingot.oci.model.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Dockerfile-style config changes as Packer's docker builder takes them in {@code changes}: {@code
 * ENTRYPOINT}, {@code CMD} (JSON exec form, or shell form run by /bin/sh -c), {@code ENV K=V …} (or
 * {@code ENV K V}), {@code EXPOSE}, {@code USER}, {@code WORKDIR}, {@code LABEL k=v …} and {@code
 * VOLUME}. Pure; thread-safe.
 */
final class Changes {
  private Changes() {}

  /** Applies {@code lines} in order; throws {@link IllegalArgumentException} naming a bad line. */
  static ContainerConfig apply(List<String> lines, ContainerConfig base) {
    ContainerConfig c = base;
    for (String line : lines) {
      String l = line.strip();
      int sp = l.indexOf(' ');
      String op = (sp < 0 ? l : l.substring(0, sp)).toUpperCase(Locale.ROOT);
      String arg = sp < 0 ? "" : l.substring(sp + 1).strip();
      if (arg.isEmpty()) {
        throw new IllegalArgumentException("'" + line + "' has no value");
      }
      c =
          switch (op) {
            case "ENTRYPOINT" -> c.withEntrypoint(command(arg, line));
            case "CMD" -> c.withCmd(command(arg, line));
            case "USER" -> c.withUser(arg);
            case "WORKDIR" -> {
              if (!arg.startsWith("/")) {
                throw new IllegalArgumentException("'" + line + "': WORKDIR must be absolute");
              }
              yield c.withWorkingDir(arg);
            }
            case "EXPOSE" -> c.withPorts(List.of(arg.split("\\s+")));
            case "VOLUME" ->
                c.withVolumes(
                    arg.startsWith("[") ? strings(arg, line) : List.of(arg.split("\\s+")));
            case "LABEL" -> c.withLabels(pairs(arg, line));
            case "ENV" -> {
              ContainerConfig e = c;
              Map<String, String> kv = arg.contains("=") ? pairs(arg, line) : env(arg);
              for (var x : kv.entrySet()) {
                e = e.withEnv(x.getKey(), x.getValue());
              }
              yield e;
            }
            default ->
                throw new IllegalArgumentException(
                    "'"
                        + line
                        + "': "
                        + op
                        + " is not supported (use ENTRYPOINT, CMD, ENV, EXPOSE, USER, WORKDIR, LABEL, VOLUME)");
          };
    }
    return c;
  }

  private static List<String> command(String arg, String line) {
    return arg.startsWith("[") ? strings(arg, line) : List.of("/bin/sh", "-c", arg);
  }

  private static List<String> strings(String json, String line) {
    try {
      Object v = Json.parse(json);
      if (v instanceof List<?> l && l.stream().allMatch(x -> x instanceof String)) {
        return l.stream().map(String::valueOf).toList();
      }
    } catch (IllegalArgumentException e) {
      // Reported below with the line.
    }
    throw new IllegalArgumentException("'" + line + "': expected a JSON list of strings");
  }

  private static Map<String, String> env(String arg) {
    int sp = arg.indexOf(' ');
    Map<String, String> m = new LinkedHashMap<>();
    m.put(sp < 0 ? arg : arg.substring(0, sp), sp < 0 ? "" : arg.substring(sp + 1).strip());
    return m;
  }

  /** {@code k=v k2="v 2"}: words split on spaces outside double quotes. */
  private static Map<String, String> pairs(String arg, String line) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < arg.length(); i++) {
      char ch = arg.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == '\\' && i + 1 < arg.length()) {
        w.append(arg.charAt(++i));
      } else if (ch == ' ' && !quoted) {
        if (!w.isEmpty()) {
          words.add(w.toString());
          w.setLength(0);
        }
      } else {
        w.append(ch);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("'" + line + "' has an unclosed quote");
    }
    if (!w.isEmpty()) {
      words.add(w.toString());
    }
    for (String word : words) {
      int eq = word.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "'" + line + "': expected key=value, got '" + word + "'");
      }
      out.put(word.substring(0, eq), word.substring(eq + 1));
    }
    return out;
  }
}
