package dev.ingot.build.plan;

import dev.ingot.diag.Diagnostic;
import dev.ingot.template.load.EvaluatedBody;
import dev.ingot.template.model.GoDuration;
import dev.ingot.template.value.ConversionException;
import dev.ingot.template.value.Convert;
import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The settings Packer handles itself in provisioner and post-processor blocks, not the plugin:
 * {@code only}, {@code except}, {@code pause_before}, {@code max_retries}, {@code timeout} for
 * provisioners; {@code only}, {@code except}, {@code keep_input_artifact}, {@code name} for
 * post-processors. Read from an evaluated body, with diagnostics in HCL's words. Immutable.
 */
record StepSettings(
    List<String> only,
    List<String> except,
    Duration pauseBefore,
    int maxRetries,
    Duration timeout,
    boolean keepInputArtifact,
    String name) {
  static final Set<String> PROVISIONER =
      Set.of("only", "except", "pause_before", "max_retries", "timeout");
  static final Set<String> POST_PROCESSOR = Set.of("only", "except", "keep_input_artifact", "name");

  /** Whether the step is left out of the build that runs {@code source} ("TYPE.NAME"). */
  boolean skips(String source) {
    return BuildFilter.skipsStep(only, except, source);
  }

  static StepSettings read(EvaluatedBody body, Set<String> names, List<Diagnostic> diags) {
    List<String> only = strings(body, "only", diags);
    List<String> except = strings(body, "except", diags);
    if (!only.isEmpty() && !except.isEmpty()) {
      diags.add(
          Diagnostic.error(
              "Both only and except set",
              "A step may name the sources it runs for (only) or the sources it skips (except),"
                  + " not both.",
              body.attributes().get("except").nameRange()));
    }
    Duration pause = names.contains("pause_before") ? duration(body, "pause_before", diags) : null;
    Duration timeout = names.contains("timeout") ? duration(body, "timeout", diags) : null;
    int retries = 0;
    EvaluatedBody.Attr r = body.attributes().get("max_retries");
    if (r != null && names.contains("max_retries")) {
      retries =
          convert(r, "max_retries", Type.NUMBER, diags).map(v -> retries(v, r, diags)).orElse(0);
    }
    boolean keep = false;
    EvaluatedBody.Attr k = body.attributes().get("keep_input_artifact");
    if (k != null && names.contains("keep_input_artifact")) {
      keep = convert(k, "keep_input_artifact", Type.BOOL, diags).map(Value::asBool).orElse(false);
    }
    String name = "";
    EvaluatedBody.Attr n = body.attributes().get("name");
    if (n != null && names.contains("name")) {
      name = convert(n, "name", Type.STRING, diags).map(Value::asString).orElse("");
    }
    return new StepSettings(only, except, pause, retries, timeout, keep, name);
  }

  private static int retries(Value v, EvaluatedBody.Attr at, List<Diagnostic> diags) {
    BigDecimal n = v.asNumber();
    if (n.signum() < 0
        || n.stripTrailingZeros().scale() > 0
        || n.compareTo(BigDecimal.valueOf(1000)) > 0) {
      diags.add(
          Diagnostic.error(
              "Invalid max_retries",
              "max_retries must be a whole number from 0 to 1000, not " + n.toPlainString() + ".",
              at.valueRange()));
      return 0;
    }
    return n.intValueExact();
  }

  private static List<String> strings(EvaluatedBody body, String name, List<Diagnostic> diags) {
    EvaluatedBody.Attr a = body.attributes().get(name);
    if (a == null) {
      return List.of();
    }
    return convert(a, name, Type.list(Type.STRING), diags)
        .map(v -> v.elements().stream().filter(e -> !e.isNull()).map(Value::asString).toList())
        .orElse(List.of());
  }

  private static Duration duration(EvaluatedBody body, String name, List<Diagnostic> diags) {
    EvaluatedBody.Attr a = body.attributes().get(name);
    if (a == null) {
      return null;
    }
    Optional<Value> v = convert(a, name, Type.STRING, diags);
    if (v.isEmpty()) {
      return null;
    }
    try {
      Duration d = GoDuration.parse(v.get().asString());
      if (d.isNegative()) {
        throw new IllegalArgumentException("a duration here cannot be negative");
      }
      return d;
    } catch (IllegalArgumentException e) {
      diags.add(
          Diagnostic.error(
              "Invalid duration",
              name
                  + ": "
                  + e.getMessage()
                  + ". Write a duration as Go does, such as \"30s\", \"5m\" or \"1h30m\".",
              a.valueRange()));
      return null;
    }
  }

  private static Optional<Value> convert(
      EvaluatedBody.Attr a, String name, Type type, List<Diagnostic> diags) {
    Value v = a.value();
    if (!v.isWhollyKnown() || v.isNull()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Convert.to(v.unmarkDeep(), type));
    } catch (ConversionException e) {
      diags.add(
          Diagnostic.error(
              "Incorrect attribute value type",
              "Inappropriate value for attribute \""
                  + name
                  + "\": "
                  + (type.isPrimitive() ? e.getMessage() : type.friendlyName() + " required")
                  + ".",
              a.valueRange()));
      return Optional.empty();
    }
  }
}
