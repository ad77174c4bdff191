package dev.ingot.build.plan;

import dev.ingot.template.load.EvaluatedBody;
import dev.ingot.template.load.Secrets;
import dev.ingot.template.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Evaluated template bodies as the {@link SchemaChecker} takes them. Stateless. */
final class RawBodies {
  private RawBodies() {}

  /** Values become plain Java; one not wholly known (after an error) becomes unset. */
  static RawBody of(EvaluatedBody body) {
    Map<String, RawBody.Attr> attrs = new LinkedHashMap<>();
    body.attributes()
        .forEach(
            (k, a) ->
                attrs.put(k, new RawBody.Attr(java(a.value()), a.valueRange(), a.nameRange())));
    Map<String, List<RawBody>> blocks = new LinkedHashMap<>();
    body.blocks()
        .forEach(
            (k, bs) -> {
              List<RawBody> list = new ArrayList<>();
              bs.forEach(b -> list.add(of(b)));
              blocks.put(k, list);
            });
    return new RawBody(attrs, blocks, body.range());
  }

  private static Object java(Value v) {
    return v.isWhollyKnown() ? v.unmarkDeep().toJava() : null;
  }

  /** The texts of every sensitive value in the body, at any depth. */
  static Set<String> secrets(EvaluatedBody body) {
    Set<String> out = new LinkedHashSet<>();
    body.attributes().values().forEach(a -> out.addAll(Secrets.of(a.value())));
    body.blocks().values().forEach(bs -> bs.forEach(b -> out.addAll(secrets(b))));
    return out;
  }
}
