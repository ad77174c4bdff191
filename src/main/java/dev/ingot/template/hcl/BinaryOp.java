package dev.ingot.template.hcl;

/** Binary operators with their precedence level (higher binds tighter), as in the HCL spec. */
public enum BinaryOp {
  OR("||", 1),
  AND("&&", 2),
  EQUAL("==", 3),
  NOT_EQUAL("!=", 3),
  LESS("<", 4),
  LESS_EQ("<=", 4),
  GREATER(">", 4),
  GREATER_EQ(">=", 4),
  ADD("+", 5),
  SUBTRACT("-", 5),
  MULTIPLY("*", 6),
  DIVIDE("/", 6),
  MODULO("%", 6);

  private final String symbol;
  private final int level;

  BinaryOp(String symbol, int level) {
    this.symbol = symbol;
    this.level = level;
  }

  public String symbol() {
    return symbol;
  }

  public int level() {
    return level;
  }

  static BinaryOp forToken(TokenType t) {
    return switch (t) {
      case OR -> OR;
      case AND -> AND;
      case EQUAL_OP -> EQUAL;
      case NOT_EQUAL -> NOT_EQUAL;
      case LESS -> LESS;
      case LESS_EQ -> LESS_EQ;
      case GREATER -> GREATER;
      case GREATER_EQ -> GREATER_EQ;
      case PLUS -> ADD;
      case MINUS -> SUBTRACT;
      case STAR -> MULTIPLY;
      case SLASH -> DIVIDE;
      case PERCENT -> MODULO;
      default -> null;
    };
  }
}
