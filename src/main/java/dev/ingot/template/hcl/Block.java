package dev.ingot.template.hcl;

import dev.ingot.diag.Range;
import java.util.List;

/**
 * {@code type "label" ... { body }}. Immutable.
 *
 * @param type the block type
 * @param labels its labels, quoted or bare, in order
 * @param body the content between the braces
 * @param range from the type to the closing brace
 * @param typeRange where the type name is
 * @param openBraceRange where the opening brace is
 * @param closeBraceRange where the closing brace is
 */
public record Block(
    String type,
    List<Label> labels,
    Body body,
    Range range,
    Range typeRange,
    Range openBraceRange,
    Range closeBraceRange)
    implements BodyItem {
  public Block {
    labels = List.copyOf(labels);
  }

  public List<String> labelValues() {
    return labels.stream().map(Label::value).toList();
  }

  /** The header as HCL names it in diagnostics, e.g. {@code source "null" "x"}. */
  public String header() {
    StringBuilder sb = new StringBuilder(type);
    for (Label l : labels) {
      sb.append(' ').append(Strings.quote(l.value()));
    }
    return sb.toString();
  }

  /** A block label and where it is. */
  public record Label(String value, Range range) {}
}
