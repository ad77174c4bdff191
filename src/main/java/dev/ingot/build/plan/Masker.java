package dev.ingot.build.plan;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Replaces every sensitive value by {@code <sensitive>} in a text. The template layer gives the
 * values of sensitive variables and locals and their rendered forms; the engine passes every log
 * line, error, JSON event and manifest through {@link #mask}. Immutable and thread-safe.
 */
public final class Masker {
  public static final String MASK = "<sensitive>";
  public static final Masker NONE = new Masker(Set.of());

  private final Set<String> secrets;
  private final Pattern pattern;

  private Masker(Set<String> secrets) {
    this.secrets = Set.copyOf(secrets);
    // Longest first, so that a secret that contains another is masked whole.
    this.pattern =
        secrets.isEmpty()
            ? null
            : Pattern.compile(
                secrets.stream()
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .map(Pattern::quote)
                    .collect(Collectors.joining("|")));
  }

  /** A masker for {@code secrets}; blank strings are ignored (they would mask everything). */
  public static Masker of(Collection<String> secrets) {
    Set<String> kept = new LinkedHashSet<>();
    for (String s : secrets) {
      if (s != null && !s.isBlank()) {
        kept.add(s);
      }
    }
    return kept.isEmpty() ? NONE : new Masker(kept);
  }

  public static Masker of(String... secrets) {
    return of(List.of(secrets));
  }

  /** This masker plus more secrets. */
  public Masker plus(Collection<String> more) {
    return of(Stream.concat(secrets.stream(), more.stream()).toList());
  }

  /** A masker hiding the secrets of both. */
  public Masker plus(Masker other) {
    return other.isEmpty() ? this : plus(other.secrets);
  }

  public String mask(String text) {
    if (pattern == null || text == null || text.isEmpty()) {
      return text;
    }
    return pattern.matcher(text).replaceAll(Matcher.quoteReplacement(MASK));
  }

  public boolean isEmpty() {
    return secrets.isEmpty();
  }
}
