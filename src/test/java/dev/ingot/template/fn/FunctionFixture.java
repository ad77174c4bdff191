package dev.ingot.template.fn;

import dev.ingot.template.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/** The directory and context the function tables run in (shared by the unit and peer tests). */
final class FunctionFixture {
  static final String HOME = "/home/tester";

  private FunctionFixture() {}

  static void populate(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("d/sub"));
    Files.writeString(dir.resolve("d/a.txt"), "hi there");
    Files.writeString(dir.resolve("d/sub/b.txt"), "x\n");
    Files.writeString(dir.resolve("d/sub/c.md"), "y\n");
    Files.write(dir.resolve("d/bad.bin"), new byte[] {(byte) 0xff, (byte) 0xfe});
    Files.writeString(dir.resolve("t.tmpl"), "Hello, ${name}!\n");
  }

  /** A context in {@code dir} with a fixed clock and UUIDs and a toy renderer for ${name}. */
  static FunctionContext context(Path dir) {
    TemplateRenderer toy =
        (text, filename, vars) -> {
          String out = text;
          for (Map.Entry<String, Value> e : vars.entrySet()) {
            out = out.replace("${" + e.getKey() + "}", e.getValue().asString());
          }
          return Value.string(out);
        };
    return FunctionContext.of(dir)
        .withEnv(Map.of("HOME", HOME))
        .withClock(Clock.fixed(Instant.parse("2020-02-03T04:05:06.789Z"), ZoneOffset.UTC))
        .withUuids(() -> new UUID(0x0000000000004000L, 0x8000000000000001L))
        .withRenderer(toy);
  }
}
