package dev.repflow.worker.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.util.AccessPattern;
import java.io.IOException;

/**
 * Lets a primitive spec field be left out (it becomes 0, which the spec's constructor turns into
 * its default, e.g. {@code k == 0 ? 20 : k}) while an explicit {@code null} still fails.
 *
 * <p>Needed because {@code FAIL_ON_NULL_FOR_PRIMITIVES} also rejects a missing constructor
 * argument: Jackson asks the deserializer for its "absent value", which defaults to its null value.
 * The wrappers below answer 0 for absent and leave parsing and the null check to Jackson's own
 * deserializers.
 */
final class AbsentPrimitivesModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  AbsentPrimitivesModule() {
    super("repflow-absent-primitives");
    addDeserializer(
        Integer.TYPE,
        new AbsentAsZero<>(
            Integer.TYPE, new NumberDeserializers.IntegerDeserializer(Integer.TYPE, 0), 0));
    addDeserializer(
        Long.TYPE,
        new AbsentAsZero<>(Long.TYPE, new NumberDeserializers.LongDeserializer(Long.TYPE, 0L), 0L));
    addDeserializer(
        Double.TYPE,
        new AbsentAsZero<>(
            Double.TYPE, new NumberDeserializers.DoubleDeserializer(Double.TYPE, 0.0), 0.0));
  }

  private static final class AbsentAsZero<T> extends StdDeserializer<T> {
    private static final long serialVersionUID = 1L;
    private final JsonDeserializer<T> standard;
    private final T zero;

    AbsentAsZero(Class<T> type, JsonDeserializer<T> standard, T zero) {
      super(type);
      this.standard = standard;
      this.zero = zero;
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
      return standard.deserialize(parser, ctxt);
    }

    @Override
    public T getNullValue(DeserializationContext ctxt) throws JsonMappingException {
      return standard.getNullValue(ctxt);
    }

    @Override
    public AccessPattern getNullAccessPattern() {
      // Dynamic: the null check depends on the context's features, as in Jackson's own.
      return AccessPattern.DYNAMIC;
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
      return zero;
    }

    @Override
    public LogicalType logicalType() {
      return standard.logicalType();
    }
  }
}
