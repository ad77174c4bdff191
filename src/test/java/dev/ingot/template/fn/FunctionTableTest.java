package dev.ingot.template.fn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.template.value.ValuePrinter;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Runs every case of the function tables ({@link CaseFile}) against the standard library. */
class FunctionTableTest {
  @TempDir static Path dir;

  @TestFactory
  Stream<DynamicTest> cases() throws Exception {
    FunctionFixture.populate(dir);
    FunctionContext ctx = FunctionFixture.context(dir);
    Functions fns = Functions.standard();
    String cwd = dir.toAbsolutePath().toString();
    return CaseFile.all().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.toString(),
                    () -> {
                      String expr = c.expr().replace("$CWD", cwd);
                      if (c.error()) {
                        assertThatThrownBy(() -> MiniHcl.eval(expr, fns, ctx))
                            .as(c.toString())
                            .isInstanceOfSatisfying(
                                FunctionException.class,
                                e ->
                                    assertThat(e.detail())
                                        .contains(c.expected().replace("$CWD", cwd)));
                      } else {
                        assertThat(ValuePrinter.compact(MiniHcl.eval(expr, fns, ctx)))
                            .as(c.toString())
                            .isEqualTo(c.expected().replace("$CWD", cwd));
                      }
                    }));
  }
}
