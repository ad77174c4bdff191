package dev.ingot.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.ingot.build.plan.BuildFilter;
import dev.ingot.build.plan.Plan;
import dev.ingot.build.plan.PlanLoader;
import dev.ingot.build.plan.PlannedBuild;
import dev.ingot.build.plan.PluginRegistry;
import dev.ingot.pkg.deb.rootfs.DebSourceSpec;
import dev.ingot.pkg.deb.rootfs.DebianSource;
import dev.ingot.plugin.Arg;
import dev.ingot.plugin.ArgType;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.Schema;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Reads the arguments of a {@code source "debian"} block for {@code lock}, {@code outdated} and
 * {@code rootfs}: from a template through the installed {@link PlanLoader} (the first debian source
 * of the template), or from a JSON object with the same argument names ({@code {"suite":
 * "bookworm", "packages": ["libc6"]}}), which works without a template loader. Relative paths are
 * relative to the file. The lockfile defaults to {@code ingot.lock} beside it.
 */
final class DebSpecFile {
  private DebSpecFile() {}

  static DebSourceSpec load(Path file, CliEnv env) {
    if (!Files.exists(file)) {
      throw new UsageException("no such file: " + file);
    }
    if (!file.toString().endsWith(".json")) {
      return fromTemplate(file, env);
    }
    Map<String, Object> values;
    try (JsonParser p =
        new JsonFactory()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .createParser(file.toFile())) {
      if (!(json(p, p.nextToken()) instanceof Map<?, ?> m) || p.nextToken() != null) {
        throw new JsonParseException(p, "expected one JSON object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> obj = (Map<String, Object>) m;
      values = obj;
    } catch (JsonProcessingException e) {
      // Jackson's own message adds a "Source: REDACTED" line; file:line:col says where.
      JsonLocation at = e.getLocation();
      String where =
          at == null ? file.toString() : file + ":" + at.getLineNr() + ":" + at.getColumnNr();
      throw new UsageException(
          where
              + ": not a JSON object with source \"debian\" arguments: "
              + dev.ingot.diag.JsonReason.of(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new UsageException(
          "cannot read " + file + ": " + dev.ingot.plugin.IoMessages.describe(e));
    }
    Map<String, Object> plain = new LinkedHashMap<>();
    values.forEach((k, v) -> plain.put(k, plain(v)));
    Schema schema = new DebianSource().schema();
    for (Map.Entry<String, Object> e : plain.entrySet()) {
      Arg arg =
          schema
              .arg(e.getKey())
              .orElseThrow(
                  () ->
                      new UsageException(
                          file
                              + ": \""
                              + e.getKey()
                              + "\" is not an argument of source \"debian\" (it takes "
                              + String.join(", ", schema.names())
                              + ")"));
      if (e.getValue() != null && !fits(e.getValue(), arg.type())) {
        throw new UsageException(file + ": \"" + e.getKey() + "\" must be " + describe(arg.type()));
      }
    }
    plain.putIfAbsent("lockfile", "ingot.lock");
    Path dir = file.toAbsolutePath().getParent();
    return DebianSource.spec(Config.of(plain), dir);
  }

  private static DebSourceSpec fromTemplate(Path t, CliEnv env) {
    PluginRegistry plugins = PluginRegistry.load(DebSpecFile.class.getClassLoader());
    for (PlanLoader l : ServiceLoader.load(PlanLoader.class, DebSpecFile.class.getClassLoader())) {
      if (!l.accepts(t)) {
        continue;
      }
      PlanLoader.Loaded loaded =
          l.load(
              new PlanLoader.Request(
                  t, env.cwd(), List.of(), List.of(), env.env(), BuildFilter.ALL, plugins));
      if (loaded.diagnostics().hasErrors() || loaded.plan().isEmpty()) {
        CliDiagnostics.print(loaded.diagnostics(), env);
        throw new UsageException("the template has errors");
      }
      Plan plan = loaded.plan().get();
      for (PlannedBuild b : plan.builds()) {
        if (b.source() instanceof DebianSource) {
          Config c = b.sourceConfig();
          if (!c.has("lockfile")) {
            Map<String, Object> v = new LinkedHashMap<>(c.values());
            v.put("lockfile", "ingot.lock");
            c = new Config(v, c.ranges(), c.block());
          }
          return DebianSource.spec(c, plan.templateDir());
        }
      }
      throw new UsageException(t + " has no source \"debian\" block");
    }
    throw new UsageException(
        "no template loader in this build of Ingot reads "
            + t
            + "; give the source's arguments as a .json file instead");
  }

  /**
   * One JSON value from the token stream, starting at {@code t}. The streaming parser rather than
   * an ObjectMapper: making a mapper costs a tenth of a warm distroless build's CPU.
   */
  private static Object json(JsonParser p, JsonToken t) throws IOException {
    if (t == null) {
      throw new JsonParseException(p, "unexpected end of input");
    }
    return switch (t) {
      case START_OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          String name = p.currentName();
          m.put(name, json(p, p.nextToken()));
        }
        yield m;
      }
      case START_ARRAY -> {
        List<Object> l = new ArrayList<>();
        for (JsonToken x = p.nextToken(); x != JsonToken.END_ARRAY; x = p.nextToken()) {
          l.add(json(p, x));
        }
        yield l;
      }
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDecimalValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new JsonParseException(p, "unexpected " + t);
    };
  }

  /** Numbers as BigDecimal, as Config values are. */
  @SuppressWarnings("unchecked")
  private static Object plain(Object v) {
    if (v instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(plain(x)));
      return out;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<String, Object>) m).forEach((k, x) -> out.put(k, plain(x)));
      return out;
    }
    return v;
  }

  /** Whether a plain JSON value has the argument's type (numbers and bools pass as strings). */
  private static boolean fits(Object v, ArgType t) {
    return switch (t) {
      case ArgType.Str x -> v instanceof String || v instanceof BigDecimal || v instanceof Boolean;
      case ArgType.Num x -> v instanceof BigDecimal;
      case ArgType.Bool x -> v instanceof Boolean;
      case ArgType.ListOf(ArgType el) ->
          v instanceof List<?> l && l.stream().allMatch(x -> x != null && fits(x, el));
      case ArgType.MapOf(ArgType el) ->
          v instanceof Map<?, ?> m && m.values().stream().allMatch(x -> x != null && fits(x, el));
      case ArgType.Obj x -> v instanceof Map;
      case ArgType.Any x -> true;
    };
  }

  private static String describe(ArgType t) {
    return switch (t) {
      case ArgType.Str x -> "a string";
      case ArgType.Num x -> "a number";
      case ArgType.Bool x -> "true or false";
      case ArgType.ListOf(ArgType el) ->
          "a list of " + describe(el).replaceFirst("^an? ", "") + "s";
      case ArgType.MapOf(ArgType el) ->
          "an object of " + describe(el).replaceFirst("^an? ", "") + "s";
      case ArgType.Obj x -> "an object";
      case ArgType.Any x -> "any value";
    };
  }
}
