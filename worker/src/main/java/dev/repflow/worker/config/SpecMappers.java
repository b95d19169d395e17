package dev.repflow.worker.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Strict Jackson mappers for spec records: a typo or a wrong type must fail loudly instead of
 * silently becoming a default. YAML (configs) and JSON ({@code temporal workflow start --input})
 * share the same settings.
 */
final class SpecMappers {
  private static final ObjectMapper YAML = strict(YAMLMapper.builder()).build();
  private static final ObjectMapper JSON = strict(JsonMapper.builder()).build();

  private SpecMappers() {}

  static ObjectMapper yaml() {
    return YAML;
  }

  static ObjectMapper json() {
    return JSON;
  }

  private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B strict(B builder) {
    return builder
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .addModule(new AbsentPrimitivesModule())
        // "epochs: 2.5" must not become 2, nor "epochs: '2'" become 2.
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        // A key given twice is a slip; by default the last one would win silently.
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(SerializationFeature.INDENT_OUTPUT)
        // Unset optional fields (null) are left out of written specs: they mean "default".
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(
                JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
  }
}
