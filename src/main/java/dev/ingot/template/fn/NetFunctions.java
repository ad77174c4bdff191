package dev.ingot.template.fn;

import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * IP network arithmetic on CIDR prefixes (IPv4 and IPv6): {@code cidrhost}, {@code cidrnetmask},
 * {@code cidrsubnet}, {@code cidrsubnets}, with the results Packer prints (Go's address syntax:
 * IPv6 with the first longest run of zero groups shortened). Addresses are numbers of 32 or 128
 * bits here.
 */
final class NetFunctions {
  private NetFunctions() {}

  /** A parsed prefix: the network address (host bits cleared), its length and the family width. */
  record Prefix(BigInteger network, int length, int width) {
    BigInteger hostMask() {
      return BigInteger.ONE.shiftLeft(width - length).subtract(BigInteger.ONE);
    }

    BigInteger last() {
      return network.or(hostMask());
    }

    static BigInteger mask(int length, int width) {
      return BigInteger.ONE
          .shiftLeft(width)
          .subtract(BigInteger.ONE)
          .xor(BigInteger.ONE.shiftLeft(width - length).subtract(BigInteger.ONE));
    }

    Prefix resized(BigInteger address, int newLength) {
      return new Prefix(address.and(mask(newLength, width)), newLength, width);
    }

    @Override
    public String toString() {
      return format(network, width) + "/" + length;
    }
  }

  static List<Function> all() {
    return List.of(
        Fn.builder("cidrhost", "Returns the address of host number hostnum in a CIDR prefix.")
            .param("prefix", Type.STRING)
            .param("hostnum", Type.NUMBER)
            .returns(Type.STRING)
            .body((a, ctx) -> Value.string(host(prefix(a.get(0)), a.get(1).asNumber()))),
        Fn.builder("cidrnetmask", "Returns the netmask of a CIDR prefix in address notation.")
            .param("prefix", Type.STRING)
            .returns(Type.STRING)
            .body(
                (a, ctx) -> {
                  Prefix p = prefix(a.get(0));
                  return Value.string(format(Prefix.mask(p.length(), p.width()), p.width()));
                }),
        Fn.builder(
                "cidrsubnet",
                "Returns subnet number netnum of a CIDR prefix extended by newbits bits.")
            .param("prefix", Type.STRING)
            .param("newbits", Type.NUMBER)
            .param("netnum", Type.NUMBER)
            .returns(Type.STRING)
            .body(
                (a, ctx) ->
                    Value.string(
                        subnet(
                                prefix(a.get(0)),
                                Args.index(a.get(1), 1, "newbits"),
                                a.get(2).asNumber())
                            .toString())),
        Fn.builder(
                "cidrsubnets",
                "Returns consecutive subnets of a CIDR prefix, one per newbits argument, each"
                    + " aligned to its own size.")
            .param("prefix", Type.STRING)
            .variadic("newbits", Type.NUMBER)
            .returns(Type.list(Type.STRING))
            .body(
                (a, ctx) -> {
                  Prefix p = prefix(a.get(0));
                  List<Integer> bits = new ArrayList<>();
                  for (int i = 1; i < a.size(); i++) {
                    bits.add(Args.index(a.get(i), i, "newbits"));
                  }
                  List<Value> out = new ArrayList<>();
                  for (Prefix s : subnets(p, bits)) {
                    out.add(Value.string(s.toString()));
                  }
                  return out.isEmpty() ? Value.emptyList(Type.STRING) : Value.list(out);
                }));
  }

  static Prefix prefix(Value v) throws FunctionException {
    String s = v.asString();
    int slash = s.indexOf('/');
    BigInteger addr = null;
    int width = s.indexOf(':') >= 0 ? 128 : 32;
    int len = -1;
    if (slash > 0) {
      addr = width == 32 ? ipv4(s.substring(0, slash)) : ipv6(s.substring(0, slash));
      len = decimal(s.substring(slash + 1), width);
    }
    if (addr == null || len < 0) {
      throw FunctionException.argument(
          0, "prefix", "invalid CIDR expression: invalid CIDR address: " + s);
    }
    return new Prefix(addr.and(Prefix.mask(len, width)), len, width);
  }

  private static String host(Prefix p, BigDecimal number) throws FunctionException {
    BigInteger n = wholeNumber(number, 1, "hostnum");
    BigInteger max = p.hostMask();
    // Negative numbers count back from the last address of the prefix (-1 is the last).
    BigInteger h = n.signum() < 0 ? max.add(n).add(BigInteger.ONE) : n;
    if (h.signum() < 0 || h.compareTo(max) > 0) {
      throw FunctionException.argument(
          1,
          "hostnum",
          "prefix of " + p.length() + " does not accommodate a host numbered " + number);
    }
    return format(p.network().or(h), p.width());
  }

  private static Prefix subnet(Prefix p, int newBits, BigDecimal number) throws FunctionException {
    if (newBits < 0 || p.length() + newBits > p.width()) {
      throw FunctionException.argument(
          1,
          "newbits",
          "insufficient address space to extend prefix of " + p.length() + " by " + newBits);
    }
    BigInteger n = wholeNumber(number, 2, "netnum");
    if (n.signum() < 0 || n.bitLength() > newBits) {
      throw FunctionException.argument(
          2,
          "netnum",
          "prefix extension of " + newBits + " does not accommodate a subnet numbered " + number);
    }
    int len = p.length() + newBits;
    return new Prefix(p.network().or(n.shiftLeft(p.width() - len)), len, p.width());
  }

  /**
   * Packs subnets one after another: each starts at the first address after the previous one that
   * is aligned to its own size, and all must lie inside the prefix.
   */
  private static List<Prefix> subnets(Prefix p, List<Integer> bits) throws FunctionException {
    List<Prefix> out = new ArrayList<>();
    if (bits.isEmpty()) {
      return out;
    }
    BigInteger space = BigInteger.ONE.shiftLeft(p.width());
    // The start is the subnet just before the prefix, so that the first step lands on it.
    Prefix current = null;
    for (int i = 0; i < bits.size(); i++) {
      int b = bits.get(i);
      if (b < 1) {
        throw FunctionException.argument(
            i + 1, "newbits", "must extend prefix by at least one bit");
      }
      int len = p.length() + b;
      if (len > p.width()) {
        throw FunctionException.argument(
            i + 1,
            "newbits",
            "would extend prefix to "
                + len
                + " bits, which is too long for an IPv"
                + (p.width() == 32 ? 4 : 6)
                + " address");
      }
      if (current == null) {
        current = p.resized(p.network().subtract(BigInteger.ONE).mod(space), len);
      }
      BigInteger afterLast = p.resized(current.last(), len).last().add(BigInteger.ONE);
      Prefix next = p.resized(afterLast.mod(space), len);
      boolean inside = next.network().and(Prefix.mask(p.length(), p.width())).equals(p.network());
      if (afterLast.equals(space) || !inside) {
        throw FunctionException.argument(
            i + 1,
            "newbits",
            "not enough remaining address space for a subnet with a prefix of "
                + len
                + " bits after "
                + current);
      }
      current = next;
      out.add(current);
    }
    return out;
  }

  private static BigInteger wholeNumber(BigDecimal n, int arg, String param)
      throws FunctionException {
    try {
      return n.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw FunctionException.argument(arg, param, "value must be a whole number");
    }
  }

  /** Four decimal parts 0-255 without leading zeros, as Go parses them; else null. */
  private static BigInteger ipv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    long v = 0;
    for (String p : parts) {
      int n = decimal(p, 255);
      if (n < 0) {
        return null;
      }
      v = (v << 8) | n;
    }
    return BigInteger.valueOf(v);
  }

  /** Eight hex groups, with at most one "::" and an optional dotted IPv4 tail; else null. */
  private static BigInteger ipv6(String s) {
    int gap = s.indexOf("::");
    if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    List<Integer> head = gap >= 0 ? groups(s.substring(0, gap)) : groups(s);
    List<Integer> tail = gap >= 0 ? groups(s.substring(gap + 2)) : List.of();
    if (head == null || tail == null) {
      return null;
    }
    int total = head.size() + tail.size();
    if (gap < 0 ? total != 8 : total > 7) {
      return null;
    }
    BigInteger v = BigInteger.ZERO;
    List<Integer> all = new ArrayList<>(head);
    for (int i = total; i < 8; i++) {
      all.add(0);
    }
    all.addAll(tail);
    for (int g : all) {
      v = v.shiftLeft(16).or(BigInteger.valueOf(g));
    }
    return v;
  }

  /** Colon-separated hex groups (a last one may be a dotted IPv4 address: two groups). */
  private static List<Integer> groups(String s) {
    List<Integer> out = new ArrayList<>();
    if (s.isEmpty()) {
      return out;
    }
    String[] parts = s.split(":", -1);
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (i == parts.length - 1 && p.contains(".")) {
        BigInteger v4 = ipv4(p);
        if (v4 == null) {
          return null;
        }
        out.add(v4.intValue() >>> 16);
        out.add(v4.intValue() & 0xffff);
      } else if (p.matches("[0-9a-fA-F]{1,4}")) {
        out.add(Integer.parseInt(p, 16));
      } else {
        return null;
      }
    }
    return out;
  }

  /** A decimal number 0..max without sign or leading zeros; -1 when it is not one. */
  private static int decimal(String s, int max) {
    if (!s.matches("0|[1-9][0-9]{0,3}")) {
      return -1;
    }
    int n = Integer.parseInt(s);
    return n <= max ? n : -1;
  }

  /** Go's text for an address: dotted IPv4, or IPv6 groups with the longest zero run as "::". */
  static String format(BigInteger a, int width) {
    if (width == 32) {
      long v = a.longValue();
      return (v >> 24 & 255) + "." + (v >> 16 & 255) + "." + (v >> 8 & 255) + "." + (v & 255);
    }
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = a.shiftRight(16 * (7 - i)).intValue() & 0xffff;
    }
    int best = -1;
    int bestLen = 1; // a single zero group is written out
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        best = i;
        bestLen = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == best) {
        b.append("::");
        i += bestLen - 1;
        continue;
      }
      if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
        b.append(':');
      }
      b.append(Integer.toHexString(g[i]));
    }
    return b.toString();
  }
}
