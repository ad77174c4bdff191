package dev.ingot.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.LocalProcessRunner;
import dev.ingot.plugin.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packer 1.6.6 (Debian's {@code packer}) as the reference for what is a valid template: it must
 * accept every case in valid/ and reject every case in invalid/, except the cases packer-parity.txt
 * lists: "differs" ones, where it must give the opposite verdict, and "ingot-only" ones (plugins
 * Packer lacks), which it is not asked about. {@code TemplateCorpusTest} checks that Ingot's
 * verdict is the folder's, so together they check that both tools agree.
 */
@Tag("peer")
class PackerParityTest {
  @TempDir Path tmp;

  record Verdict(Corpus.Case c, int exitCode, List<String> output) {}

  @Test
  void packerAgreesWithTheCorpusExceptWhereListed() throws Exception {
    ProcessRunner.Result version = new LocalProcessRunner().run(List.of("packer", "version"));
    assertThat(version.output()).as("packer must be installed (test.sh installs it)").isNotEmpty();
    assertThat(String.join("\n", version.output())).contains("1.6.6");
    Map<String, Corpus.Difference> differs = Corpus.packerDifferences();
    List<Corpus.Case> cases = Corpus.cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(120);
    assertThat(differs.keySet())
        .as("packer-parity.txt names only corpus cases")
        .isSubsetOf(cases.stream().map(Corpus.Case::id).toList());
    for (String kind : List.of("valid", "invalid")) {
      copyTree(Corpus.ROOT.resolve(kind), tmp.resolve(kind));
    }
    List<Corpus.Case> asked =
        cases.stream()
            .filter(c -> !differs.containsKey(c.id()) || !differs.get(c.id()).ingotOnly())
            .toList();
    List<Verdict> verdicts = runAll(asked);
    List<String> wrong = new ArrayList<>();
    for (Verdict v : verdicts) {
      boolean accepted = v.exitCode() == 0;
      boolean expected = v.c().valid() != differs.containsKey(v.c().id());
      if (accepted != expected) {
        wrong.add(
            v.c().id()
                + ": packer "
                + (accepted ? "accepts" : "rejects (exit " + v.exitCode() + ")")
                + ", expected it to "
                + (expected ? "accept" : "reject")
                + (differs.containsKey(v.c().id()) ? " (listed in packer-parity.txt)" : "")
                + "\n    "
                + String.join("\n    ", v.output().stream().limit(12).toList()));
      }
    }
    assertThat(wrong).as("cases where Packer 1.6.6 disagrees").isEmpty();
  }

  // Four at a time: packer mostly waits for its plugin processes, using little CPU itself.
  private List<Verdict> runAll(List<Corpus.Case> cases) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Verdict>> futures = new ArrayList<>();
      for (Corpus.Case c : cases) {
        futures.add(pool.submit(() -> run(c)));
      }
      List<Verdict> out = new ArrayList<>();
      for (Future<Verdict> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private Verdict run(Corpus.Case c) throws IOException {
    Path cwd = tmp.resolve(c.kind());
    Path home = Files.createTempDirectory(tmp, "home");
    List<String> cmd = new ArrayList<>(List.of("packer", "validate"));
    cmd.addAll(c.args());
    cmd.add(c.argument());
    Map<String, String> env = new java.util.HashMap<>(c.env());
    env.put("HOME", home.toString());
    env.put("CHECKPOINT_DISABLE", "1");
    env.put("PACKER_NO_COLOR", "1");
    // A crash (packer 1.6.6 panics on some bad durations) writes crash.log in its directory.
    ProcessRunner.Result r =
        new LocalProcessRunner()
            .run(cmd, cwd, env, null, Duration.ofMinutes(2), new Cancellation());
    return new Verdict(c, r.exitCode(), r.output());
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
  }
}
