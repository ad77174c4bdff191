package dev.ingot.template.fn;

import static org.assertj.core.api.Assertions.assertThat;

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
    CaseEval eval = CaseEval.in(FunctionFixture.context(dir));
    String cwd = dir.toAbsolutePath().toString();
    return CaseFile.all().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.toString(),
                    () -> {
                      CaseEval.Outcome out = eval.eval(c.expr().replace("$CWD", cwd));
                      String expected = c.expected().replace("$CWD", cwd);
                      if (c.error()) {
                        assertThat(out.error())
                            .as(c + " should fail")
                            .isNotNull()
                            .contains(expected);
                      } else {
                        assertThat(out.error()).as(c.toString()).isNull();
                        assertThat(ValuePrinter.compact(out.value()))
                            .as(c.toString())
                            .isEqualTo(expected);
                      }
                    }));
  }
}
