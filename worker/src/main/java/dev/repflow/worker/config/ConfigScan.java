package dev.repflow.worker.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * Re-reads a config's text to recover what Jackson's exceptions lose. Records are built only after
 * all their keys are read, so an unknown key is reported late (with the wrong line), or not at all
 * when the constructor fails first on the value the typo left unset.
 */
final class ConfigScan {
  /** A key no record component matches, with its dotted path and 1-based line. */
  record UnknownKey(String path, String name, int line, Class<?> owner) {}

  private ConfigScan() {}

  /** The first key in document order that {@code type} (or a nested record) does not have. */
  static Optional<UnknownKey> firstUnknownKey(ObjectMapper mapper, String content, Class<?> type) {
    try (JsonParser parser = mapper.createParser(content)) {
      return parser.nextToken() == JsonToken.START_OBJECT
          ? walk(parser, type, "")
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // Not parseable: the original error says why.
    }
  }

  /** The value at a dotted key path ({@code /pretrain/epochs}) as a user would write it. */
  static String valueAt(ObjectMapper mapper, String content, JsonPointer pointer) {
    try {
      JsonNode node = mapper.readTree(content).at(pointer);
      if (node.isTextual()) {
        return "'" + node.asText() + "'";
      }
      return node.isObject() ? "a mapping" : node.isArray() ? "a list" : node.toString();
    } catch (IOException e) {
      return "an unreadable value";
    }
  }

  /** Parser is on the START_OBJECT of a value of {@code type}. */
  private static Optional<UnknownKey> walk(JsonParser parser, Type type, String path)
      throws IOException {
    Class<?> raw = rawClass(type);
    if (raw == null || !raw.isRecord()) {
      parser.skipChildren();
      return Optional.empty();
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      int line = parser.currentTokenLocation().getLineNr();
      String keyPath = path.isEmpty() ? name : path + "." + name;
      JsonToken value = parser.nextToken();
      Optional<Type> componentType = component(raw, name);
      if (componentType.isEmpty()) {
        return Optional.of(new UnknownKey(keyPath, name, line, raw));
      }
      Optional<UnknownKey> found = Optional.empty();
      if (value == JsonToken.START_OBJECT) {
        found = walk(parser, componentType.get(), keyPath);
      } else if (value == JsonToken.START_ARRAY) {
        found = walkList(parser, elementType(componentType.get()), keyPath);
      }
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<UnknownKey> walkList(JsonParser parser, Type element, String path)
      throws IOException {
    for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
      if (parser.currentToken() == JsonToken.START_OBJECT) {
        Optional<UnknownKey> found = walk(parser, element, path + "[" + i + "]");
        if (found.isPresent()) {
          return found;
        }
      } else {
        parser.skipChildren();
      }
    }
    return Optional.empty();
  }

  private static Optional<Type> component(Class<?> record, String name) {
    for (RecordComponent component : record.getRecordComponents()) {
      if (component.getName().equals(name)) {
        return Optional.of(component.getGenericType());
      }
    }
    return Optional.empty();
  }

  private static Type elementType(Type listType) {
    return listType instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    return type instanceof ParameterizedType p ? rawClass(p.getRawType()) : null;
  }
}
