package dev.repflow.worker.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Turns Jackson's multi-line exceptions into one line naming the source, key and problem. */
final class ConfigErrors {
  private ConfigErrors() {}

  /**
   * @param source what was read, e.g. the config path as the user typed it
   * @param content the text that failed, re-read for details the exception lacks
   * @param type the record being read
   */
  static ConfigException translate(
      String source,
      String content,
      ObjectMapper mapper,
      Class<?> type,
      JsonProcessingException e) {
    return new ConfigException(source + ": " + describe(content, mapper, type, e), e);
  }

  private static String describe(
      String content, ObjectMapper mapper, Class<?> type, JsonProcessingException e) {
    Optional<MarkedYAMLException> yaml = yamlSyntaxError(e);
    if (yaml.isPresent()) {
      return "YAML syntax error at line "
          + (yaml.get().getProblemMark().getLine() + 1)
          + ", column "
          + (yaml.get().getProblemMark().getColumn() + 1)
          + ": "
          + oneLine(yaml.get().getProblem());
    }
    if (e instanceof UnrecognizedPropertyException || e instanceof ValueInstantiationException) {
      // A typo may surface as a constructor failure on the value it left unset: report the typo.
      Optional<ConfigScan.UnknownKey> unknown = ConfigScan.firstUnknownKey(mapper, content, type);
      if (unknown.isPresent()) {
        return unknownKey(unknown.get());
      }
    }
    if (e instanceof UnrecognizedPropertyException u && u.getReferringClass() != null) {
      // The scan does not descend into polymorphic values (FUNGI objectives): Jackson's report.
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      return unknownKey(
          new ConfigScan.UnknownKey(
              path(u.getPath()), u.getPropertyName(), line, u.getReferringClass()));
    }
    if (e instanceof ValueInstantiationException
        && e.getCause() instanceof IllegalArgumentException) {
      // Thrown by a spec's compact constructor, whose message already names the key.
      return oneLine(e.getCause().getMessage());
    }
    if (e instanceof InvalidTypeIdException t && !t.getPath().isEmpty()) {
      // A polymorphic value (e.g. a FUNGI objective) whose `type` names no known variant.
      JsonSubTypes variants = t.getBaseType().getRawClass().getAnnotation(JsonSubTypes.class);
      String known =
          variants == null
              ? ""
              : " (known: "
                  + java.util.Arrays.stream(variants.value())
                      .map(JsonSubTypes.Type::name)
                      .collect(Collectors.joining(", "))
                  + ")";
      return path(t.getPath()) + ".type: unknown '" + t.getTypeId() + "'" + known + at(e);
    }
    if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      return path(m.getPath())
          + ": expected "
          + SpecKeys.typeName(m.getTargetType())
          + ", got "
          + ConfigScan.valueAt(mapper, content, pointer(m.getPath()))
          + at(e);
    }
    if (content.isBlank()) {
      return "file is empty";
    }
    if (e instanceof MismatchedInputException) {
      return "expected a mapping with keys " + String.join(", ", SpecKeys.known(type)) + at(e);
    }
    return oneLine(e.getOriginalMessage()) + at(e);
  }

  private static String unknownKey(ConfigScan.UnknownKey unknown) {
    List<String> known = SpecKeys.known(unknown.owner());
    String hint =
        SpecKeys.closest(unknown.name(), known).map(k -> ", did you mean '" + k + "'?").orElse(";");
    return "unknown key '"
        + unknown.path()
        + "' (line "
        + unknown.line()
        + ")"
        + hint
        + " known keys here: "
        + String.join(", ", known);
  }

  private static Optional<MarkedYAMLException> yamlSyntaxError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
        return Optional.of(marked);
      }
    }
    return Optional.empty();
  }

  /** Dotted key path with list indices, e.g. {@code evaluate.classes[2]}. */
  private static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : refs) {
      if (ref.getFieldName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static JsonPointer pointer(List<JsonMappingException.Reference> refs) {
    JsonPointer pointer = JsonPointer.empty();
    for (JsonMappingException.Reference ref : refs) {
      pointer =
          ref.getFieldName() != null
              ? pointer.appendProperty(ref.getFieldName())
              : pointer.appendIndex(ref.getIndex());
    }
    return pointer;
  }

  private static String at(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    return location == null || location.getLineNr() < 1
        ? ""
        : " (line " + location.getLineNr() + ")";
  }

  private static String oneLine(String text) {
    return text == null
        ? ""
        : text.strip().lines().map(String::strip).collect(Collectors.joining(" "));
  }
}
