package dev.ingot.template.load;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Range;
import dev.ingot.diag.Suggest;
import dev.ingot.template.hcl.Attribute;
import dev.ingot.template.hcl.Block;
import dev.ingot.template.hcl.Body;
import dev.ingot.template.hcl.BodyItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a body of the template language itself may hold (the blocks Packer defines, not plugin
 * bodies): attribute names, some required, and block types with their label names. {@link #check}
 * reports what does not fit in HCL's words ("Unsupported argument", "Missing name for variable", …)
 * and returns what does. Immutable.
 */
record BodySchema(Map<String, Boolean> attributes, Map<String, List<String>> blocks) {
  BodySchema {
    attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    blocks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(blocks));
  }

  /** The attributes and blocks that fit, in source order. */
  record Content(Map<String, Attribute> attributes, List<Block> blocks) {
    List<Block> blocks(String type) {
      return blocks.stream().filter(b -> b.type().equals(type)).toList();
    }
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a schema; not thread-safe. */
  static final class Builder {
    private final Map<String, Boolean> attributes = new LinkedHashMap<>();
    private final Map<String, List<String>> blocks = new LinkedHashMap<>();

    Builder attr(String... names) {
      for (String n : names) {
        attributes.put(n, false);
      }
      return this;
    }

    Builder required(String name) {
      attributes.put(name, true);
      return this;
    }

    Builder block(String type, String... labels) {
      blocks.put(type, List.of(labels));
      return this;
    }

    BodySchema build() {
      return new BodySchema(attributes, blocks);
    }
  }

  Content check(Body body, List<Diagnostic> diags) {
    Map<String, Attribute> attrs = new LinkedHashMap<>();
    List<Block> kept = new ArrayList<>();
    for (BodyItem item : body.items()) {
      switch (item) {
        case Attribute a -> {
          if (attributes.containsKey(a.name())) {
            attrs.putIfAbsent(a.name(), a);
          } else {
            diags.add(unsupportedArgument(a.name(), a.nameRange()));
          }
        }
        case Block b -> {
          List<String> labels = blocks.get(b.type());
          if (labels == null) {
            diags.add(unsupportedBlock(b));
          } else if (labelsFit(b, labels, diags)) {
            kept.add(b);
          }
        }
      }
    }
    attributes.forEach(
        (name, required) -> {
          if (required && !attrs.containsKey(name)) {
            diags.add(
                Diagnostic.error(
                    "Missing required argument",
                    "The argument \"" + name + "\" is required, but no definition was found.",
                    missingItemRange(body)));
          }
        });
    return new Content(attrs, kept);
  }

  Diagnostic unsupportedArgument(String name, Range at) {
    String hint =
        blocks.containsKey(name)
            ? " Did you mean to define a block of type \"" + name + "\"?"
            : suggestion(name, attributes.keySet());
    return Diagnostic.error(
        "Unsupported argument",
        "An argument named \"" + name + "\" is not expected here." + hint,
        at);
  }

  private Diagnostic unsupportedBlock(Block b) {
    String hint =
        attributes.containsKey(b.type())
            ? " Did you mean to define argument \""
                + b.type()
                + "\"? If so, use the equals sign to assign it a value."
            : suggestion(b.type(), blocks.keySet());
    return Diagnostic.error(
        "Unsupported block type",
        "Blocks of type \"" + b.type() + "\" are not expected here." + hint,
        b.typeRange());
  }

  /** Checks the number of labels as HCL does; false when the block must be skipped. */
  static boolean labelsFit(Block b, List<String> names, List<Diagnostic> diags) {
    int n = names.size();
    if (b.labels().size() < n) {
      diags.add(
          Diagnostic.error(
              "Missing " + names.get(b.labels().size()) + " for " + b.type(),
              "All "
                  + b.type()
                  + " blocks must have "
                  + n
                  + " labels ("
                  + String.join(", ", names)
                  + ").",
              b.openBraceRange()));
      return false;
    }
    if (b.labels().size() > n) {
      diags.add(
          Diagnostic.error(
              "Extraneous label for " + b.type(),
              n == 0
                  ? "No labels are expected for " + b.type() + " blocks."
                  : "Only "
                      + n
                      + " labels ("
                      + String.join(", ", names)
                      + ") are expected for "
                      + b.type()
                      + " blocks.",
              b.labels().get(n).range()));
      return false;
    }
    return true;
  }

  static String suggestion(String name, java.util.Collection<String> candidates) {
    String s = Suggest.didYouMean(name, candidates);
    return s.isEmpty() ? "" : " " + s;
  }

  /** Where something missing from a body would go: the start of the body (its opening brace). */
  static Range missingItemRange(Body body) {
    Range r = body.range();
    return new Range(r.filename(), r.start(), r.start());
  }
}
