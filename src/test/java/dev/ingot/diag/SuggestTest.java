package dev.ingot.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest {
  @Test
  void suggestsTheNearestWithinTwoEdits() {
    List<String> names = List.of("ssh_username", "ssh_password", "ssh_port");
    assertThat(Suggest.closest("ssh_usrname", names)).contains("ssh_username");
    assertThat(Suggest.closest("ssh_prot", names)).contains("ssh_port");
    assertThat(Suggest.closest("ssh_user", names)).isEmpty(); // 4 edits
    assertThat(Suggest.closest("ssh_port", names)).isEmpty(); // exact is no suggestion
    assertThat(Suggest.closest("uper", List.of("lower", "upper"))).contains("upper");
    assertThat(Suggest.didYouMean("lenght", List.of("length")))
        .isEqualTo("Did you mean \"length\"?");
    assertThat(Suggest.didYouMean("xyz", List.of("length"))).isEmpty();
  }

  @Test
  void distanceCountsCodePoints() {
    assertThat(Suggest.distance("kitten", "sitting", 10)).isEqualTo(3);
    assertThat(Suggest.distance("\uD83D\uDE00a", "a", 10)).isEqualTo(1);
    assertThat(Suggest.distance("abc", "abc", 3)).isZero();
    assertThat(Suggest.distance("abcdef", "a", 3)).isEqualTo(3);
  }
}
