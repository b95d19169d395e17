package dev.repflow.worker.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads YAML configs into spec records. Keys are the record component names; anything unknown,
 * mistyped or invalid fails with a one-line {@link ConfigException} naming the file and key. JSON
 * is valid YAML, so spec JSON files load too.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /**
   * Reads {@code file} as a {@code type} record.
   *
   * @throws ConfigException when the file is missing, unreadable, not valid YAML, or does not
   *     describe a valid {@code type}
   */
  public static <T> T load(Path file, Class<T> type) {
    return read(SpecMappers.yaml(), file, type);
  }

  /**
   * Binds a config already read as a tree (changed since, e.g. a section removed or a value filled
   * in) as a {@code type} record. Errors name {@code file} and the key; line numbers refer to the
   * tree written back as YAML.
   */
  public static <T> T load(Path file, JsonNode tree, Class<T> type) {
    ObjectMapper yaml = SpecMappers.yaml();
    try {
      return parse(yaml, file.toString(), yaml.writeValueAsString(tree), type);
    } catch (JsonProcessingException e) {
      throw new ConfigException(file + ": " + e.getOriginalMessage(), e);
    }
  }

  /** Shared by YAML and JSON readers: one place that maps every failure to one line. */
  static <T> T read(ObjectMapper mapper, Path file, Class<T> type) {
    String source = file.toString();
    if (Files.isDirectory(file)) {
      throw new ConfigException(source + ": is a directory, expected a config file", null);
    }
    String content;
    try {
      content = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(source + ": file not found", e);
    } catch (IOException e) {
      throw new ConfigException(source + ": cannot read: " + e.getMessage(), e);
    }
    return parse(mapper, source, content, type);
  }

  /** Binds already-read text; {@code source} names it in errors. */
  static <T> T parse(ObjectMapper mapper, String source, String content, Class<T> type) {
    try {
      return mapper.readValue(content, type);
    } catch (JsonProcessingException e) {
      throw ConfigErrors.translate(source, content, mapper, type, e);
    }
  }
}
