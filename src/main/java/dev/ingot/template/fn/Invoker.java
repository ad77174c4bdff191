package dev.ingot.template.fn;

import dev.ingot.template.value.ConversionException;
import dev.ingot.template.value.Convert;
import dev.ingot.template.value.Value;
import java.util.ArrayList;
import java.util.List;

/** The argument rules every call goes through, as cty's {@code function.Call} applies them. */
final class Invoker {
  private Invoker() {}

  static Value invoke(Function f, List<Value> args, FunctionContext ctx) throws FunctionException {
    List<Param> params = f.params();
    int n = params.size();
    if (args.size() < n) {
      throw new FunctionException(
          FunctionException.WHOLE_CALL,
          "Not enough function arguments",
          "Function \""
              + f.name()
              + "\" expects "
              + expected(f)
              + ". Missing value for \""
              + params.get(args.size()).name()
              + "\".");
    }
    if (args.size() > n && f.variadic().isEmpty()) {
      throw new FunctionException(
          n,
          "Too many function arguments",
          "Function \"" + f.name() + "\" expects only " + expected(f) + ".");
    }
    boolean sensitive = false;
    boolean unknown = false;
    List<String> secrets = new ArrayList<>();
    List<Value> converted = new ArrayList<>(args.size());
    for (int i = 0; i < args.size(); i++) {
      Param p = i < n ? params.get(i) : f.variadic().orElseThrow();
      Value a = args.get(i);
      if (!p.allowSensitive() && a.containsSensitive()) {
        sensitive = true;
        collectSecrets(a, false, secrets);
        a = a.unmarkDeep();
      }
      if (a.isNull() && !p.allowNull()) {
        throw FunctionException.argument(i, p.name(), "argument must not be null");
      }
      try {
        a = Convert.to(a, p.type());
      } catch (ConversionException e) {
        throw FunctionException.argument(i, p.name(), e.getMessage());
      }
      unknown |= !p.allowUnknown() && !a.isWhollyKnown();
      converted.add(a);
    }
    List<Value> ready = List.copyOf(converted);
    if (unknown) {
      return Value.unknown(f.returnType(ready)).markedIf(sensitive);
    }
    try {
      return f.call(ready, ctx).markedIf(sensitive);
    } catch (FunctionException e) {
      throw secrets.stream().anyMatch(e.detail()::contains) ? redacted(f, e) : e;
    }
  }

  /** The printed forms of the sensitive parts of a value, so an error cannot echo them. */
  private static void collectSecrets(Value v, boolean inSensitive, List<String> out) {
    boolean s = inSensitive || v.isSensitive();
    if (v.isComposite()) {
      v.elements().forEach(e -> collectSecrets(e, s, out));
    } else if (s && v.isKnown() && !v.isNull()) {
      String text =
          v instanceof dev.ingot.template.value.StringValue str
              ? str.value()
              : v.unmark().toString();
      if (!text.isEmpty()) {
        out.add(text);
      }
    }
  }

  private static FunctionException redacted(Function f, FunctionException e) {
    return new FunctionException(
        e.argIndex(),
        e.summary(),
        "Call to function \""
            + f.name()
            + "\" failed with a message that includes a sensitive value, so the message is not shown.");
  }

  private static String expected(Function f) {
    int n = f.params().size();
    String s = n + " argument" + (n == 1 ? "" : "s");
    return f.variadic().isPresent() ? "at least " + s : s;
  }
}
