package dev.ingot.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The SPDX 2.3 JSON schema, as shipped in org.spdx:tools-java (test scope only), loaded into the
 * networknt validator.
 */
public final class SpdxSchema {
  private SpdxSchema() {}

  public static JsonSchema load() {
    try (InputStream in =
        SpdxSchema.class.getClassLoader().getResourceAsStream("resources/spdx-schema-v2.3.json")) {
      assertThat(in)
          .as("SPDX 2.3 schema from org.spdx:tools-java on the test classpath")
          .isNotNull();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
