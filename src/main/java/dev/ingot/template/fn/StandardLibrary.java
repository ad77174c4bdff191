package dev.ingot.template.fn;

import java.util.ArrayList;
import java.util.List;

/** Collects the function groups that make up {@link Functions#standard()}. */
final class StandardLibrary {
  private StandardLibrary() {}

  static List<Function> all() {
    List<Function> all = new ArrayList<>();
    all.addAll(StringFunctions.all());
    all.addAll(RegexFunctions.all());
    all.addAll(FormatFunctions.all());
    all.addAll(CollectionFunctions.all());
    all.addAll(SequenceFunctions.all());
    all.addAll(SetFunctions.all());
    all.addAll(NumericFunctions.all());
    all.addAll(ConversionFunctions.all());
    all.addAll(EncodingFunctions.all());
    all.addAll(FileFunctions.all());
    all.addAll(DateFunctions.all());
    all.addAll(CryptoFunctions.all());
    all.addAll(NetFunctions.all());
    all.add(EnvFunction.function());
    return all;
  }
}
