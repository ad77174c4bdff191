package dev.ingot.template.fn;

import dev.ingot.template.value.ConversionException;
import dev.ingot.template.value.Convert;
import dev.ingot.template.value.StringValue;
import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.util.List;

/** tostring, tonumber, tobool, tolist, toset and tomap: explicit conversions. */
final class ConversionFunctions {
  private ConversionFunctions() {}

  static List<Function> all() {
    return List.of(
        to("tostring", Type.STRING, "Converts a number or bool to a string."),
        to("tonumber", Type.NUMBER, "Converts a string to a number."),
        to("tobool", Type.BOOL, "Converts the string \"true\" or \"false\" to a bool."),
        to(
            "tolist",
            Type.list(Type.DYNAMIC),
            "Converts a tuple or set to a list (all elements must convert to one type)."),
        to(
            "toset",
            Type.set(Type.DYNAMIC),
            "Converts a list or tuple to a set, dropping repeated elements."),
        to(
            "tomap",
            Type.map(Type.DYNAMIC),
            "Converts an object to a map (all values must convert to one type)."));
  }

  private static Function to(String name, Type target, String description) {
    return Fn.builder(name, description)
        .param(Param.of("v", Type.DYNAMIC).withAllowNull())
        .returns(target)
        .body((a, ctx) -> convert(a.get(0), target));
  }

  private static Value convert(Value v, Type target) throws FunctionException {
    try {
      return Convert.to(v, target);
    } catch (ConversionException e) {
      String problem;
      if (v instanceof StringValue s && target == Type.NUMBER) {
        problem =
            "cannot convert \""
                + s.value()
                + "\" to number; given string must be a decimal representation of a number";
      } else if (v instanceof StringValue s && target == Type.BOOL) {
        problem =
            "cannot convert \""
                + s.value()
                + "\" to bool; only the strings \"true\" or \"false\" are allowed";
      } else if (e.path().isEmpty() && !e.reason().startsWith("all ")) {
        problem = "cannot convert " + v.type().friendlyName() + " to " + target.constraintName();
      } else {
        problem =
            "cannot convert "
                + v.type().friendlyName()
                + " to "
                + target.constraintName()
                + ": "
                + e.getMessage();
      }
      throw FunctionException.argument(0, "v", problem);
    }
  }
}
