package dev.ingot.diag;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Jackson's real messages for broken JSON, as the user sees them after this. */
class JsonReasonTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"suite\":\"bookworm\" | the text ends before the JSON it opened is closed (is it cut"
            + " short?)",
        "{\"packages\":[\"a\", | the text ends before the JSON it opened is closed (is it cut"
            + " short?)",
        "{\"suite\":\"book | the text ends before the JSON it opened is closed (is it cut short?)",
        "{\"a\":1,} | Unexpected character ('}' (code 125)): was expecting double-quote to start"
            + " field name",
        "[1 2] | Unexpected character ('2' (code 50)): was expecting comma to separate Array"
            + " entries",
      })
  void readsAsPlainWordsWithoutSourceClauses(String json, String reason) {
    JacksonException e = failure(json);
    assertThat(e.getMessage()).as("Jackson's own message").contains("Source:");
    assertThat(JsonReason.of(e.getOriginalMessage()))
        .isEqualTo(reason)
        .doesNotContain("Source")
        .doesNotContain("[");
  }

  private static JacksonException failure(String json) {
    try {
      new ObjectMapper().readTree(json);
    } catch (JacksonException e) {
      return e;
    }
    throw new AssertionError("parsed: " + json);
  }
}
