package dev.ingot.scan.db;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of {@link Advisory} records inside a segment: length-prefixed modified UTF-8
 * strings and small counts, the ecosystem and package name implied by the block's key. Pure.
 */
final class AdvisoryCodec {
  /** Long texts are cut: the summary is for a report line, not a copy of the advisory. */
  static final int MAX_TEXT = 2000;

  private AdvisoryCodec() {}

  static void write(DataOutput out, Advisory a) throws IOException {
    out.writeByte(a.origin().ordinal());
    out.writeUTF(a.id());
    strings(out, a.aliases());
    out.writeUTF(cut(a.summary()));
    out.writeUTF(a.modified());
    out.writeShort(a.severities().size());
    for (SeverityVector s : a.severities()) {
      out.writeUTF(s.type());
      out.writeUTF(cut(s.score()));
    }
    out.writeUTF(a.vendorSeverity());
    out.writeUTF(a.purl());
    out.writeByte(a.state().ordinal());
    out.writeUTF(cut(a.note()));
    out.writeShort(a.ranges().size());
    for (List<RangeEvent> r : a.ranges()) {
      out.writeShort(r.size());
      for (RangeEvent e : r) {
        out.writeByte(e.kind().ordinal());
        out.writeUTF(e.version());
      }
    }
    strings(out, a.versions());
    strings(out, a.references());
  }

  static Advisory read(DataInput in, String ecosystem, String pkg) throws IOException {
    Advisory.Origin origin = Advisory.Origin.values()[in.readByte()];
    String id = in.readUTF();
    List<String> aliases = strings(in);
    String summary = in.readUTF();
    String modified = in.readUTF();
    int ns = in.readUnsignedShort();
    List<SeverityVector> sev = new ArrayList<>(ns);
    for (int i = 0; i < ns; i++) {
      sev.add(new SeverityVector(in.readUTF(), in.readUTF()));
    }
    String vendor = in.readUTF();
    String purl = in.readUTF();
    VendorState state = VendorState.values()[in.readByte()];
    String note = in.readUTF();
    int nr = in.readUnsignedShort();
    List<List<RangeEvent>> ranges = new ArrayList<>(nr);
    for (int i = 0; i < nr; i++) {
      int ne = in.readUnsignedShort();
      List<RangeEvent> r = new ArrayList<>(ne);
      for (int j = 0; j < ne; j++) {
        r.add(new RangeEvent(RangeEvent.Kind.values()[in.readByte()], in.readUTF()));
      }
      ranges.add(r);
    }
    List<String> versions = strings(in);
    List<String> refs = strings(in);
    return new Advisory(
        origin, id, aliases, summary, modified, sev, vendor, ecosystem, pkg, purl, ranges, versions,
        state, note, refs);
  }

  private static void strings(DataOutput out, List<String> l) throws IOException {
    int n = Math.min(l.size(), 0xffff);
    out.writeShort(n);
    for (int i = 0; i < n; i++) {
      out.writeUTF(cut(l.get(i)));
    }
  }

  private static List<String> strings(DataInput in) throws IOException {
    int n = in.readUnsignedShort();
    List<String> l = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      l.add(in.readUTF());
    }
    return l;
  }

  private static String cut(String s) {
    return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
  }
}
