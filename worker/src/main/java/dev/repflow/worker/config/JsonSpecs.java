package dev.repflow.worker.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Specs as JSON, the form {@code temporal workflow start --input} takes (camelCase keys, unset
 * optional fields left out). Reading is as strict as {@link ConfigLoader}.
 */
public final class JsonSpecs {
  private JsonSpecs() {}

  /** Pretty-printed JSON of a spec record. */
  public static String toJson(Object spec) {
    try {
      return SpecMappers.json().writeValueAsString(spec);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + spec.getClass().getSimpleName(), e);
    }
  }

  /** Writes {@link #toJson} to {@code file}, replacing it. */
  public static void write(Path file, Object spec) {
    try {
      Files.writeString(file, toJson(spec) + System.lineSeparator());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Parses {@code json} as a {@code type} record.
   *
   * @throws ConfigException in one line, naming the key, when it is not a valid {@code type}
   */
  public static <T> T fromJson(String json, Class<T> type) {
    return ConfigLoader.parse(SpecMappers.json(), "JSON " + type.getSimpleName(), json, type);
  }

  /** Reads a JSON spec file; errors as in {@link ConfigLoader#load(Path, Class)}. */
  public static <T> T read(Path file, Class<T> type) {
    return ConfigLoader.read(SpecMappers.json(), file, type);
  }
}
