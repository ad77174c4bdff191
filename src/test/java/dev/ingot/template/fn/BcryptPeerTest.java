package dev.ingot.template.fn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bcrypt() hashes checked by the system's crypt(3) (libxcrypt, through Python), the reader that
 * matters for the password files an image gets: the right password matches, a wrong one does not,
 * non-ASCII passwords and passwords past bcrypt's 72 bytes included.
 */
@Tag("peer")
class BcryptPeerTest {
  @TempDir Path dir;

  @Test
  void cryptAcceptsOurHashes() throws Exception {
    CaseEval eval = CaseEval.in(FunctionContext.of(dir));
    String long80 = "p".repeat(80);
    for (String pw : List.of("secret", "pässwörd ✓", long80)) {
      CaseEval.Outcome h = eval.eval("bcrypt(\"" + pw + "\", 5)");
      assertThat(h.error()).isNull();
      String hash = h.value().asString();
      assertThat(hash).startsWith("$2a$05$").hasSize(60);
      assertThat(crypt(pw, hash)).as(pw).isEqualTo(hash);
      assertThat(crypt("x" + pw, hash)).as("a wrong password").isNotEqualTo(hash);
    }
    // Only the first 72 bytes count, in Go's bcrypt and in crypt(3) alike.
    String h = eval.eval("bcrypt(\"" + long80 + "\", 4)").value().asString();
    assertThat(crypt("p".repeat(72) + "different tail", h)).isEqualTo(h);
  }

  private static String crypt(String password, String setting) throws Exception {
    Process p =
        new ProcessBuilder(
                "python3",
                "-W",
                "ignore",
                "-c",
                "import crypt, sys; print(crypt.crypt(sys.argv[1], sys.argv[2]))",
                password,
                setting)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
