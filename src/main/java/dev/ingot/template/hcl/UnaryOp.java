package dev.ingot.template.hcl;

/** Prefix operators. */
public enum UnaryOp {
  NEGATE("-"),
  NOT("!");

  private final String symbol;

  UnaryOp(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
