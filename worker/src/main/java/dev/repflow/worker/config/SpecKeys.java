package dev.repflow.worker.config;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Config keys and value types of spec records, for error messages. */
final class SpecKeys {
  private static final int MAX_TYPO_DISTANCE = 2;

  private SpecKeys() {}

  /** Keys of a record in declaration order (the order users see in configs). */
  static List<String> known(Class<?> type) {
    if (type == null || !type.isRecord()) {
      return List.of();
    }
    return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
  }

  /** The known key nearest to a mistyped one, if within a small edit distance. */
  static Optional<String> closest(String typed, List<String> known) {
    return known.stream()
        .filter(k -> distance(typed.toLowerCase(), k.toLowerCase()) <= MAX_TYPO_DISTANCE)
        .min(Comparator.comparingInt(k -> distance(typed.toLowerCase(), k.toLowerCase())));
  }

  /** How a value of {@code type} is written in a config, e.g. "an integer". */
  static String typeName(Class<?> type) {
    if (type == null) {
      return "another type";
    }
    Map<Class<?>, String> scalars =
        Map.of(
            int.class,
            "an integer",
            Integer.class,
            "an integer",
            long.class,
            "an integer",
            Long.class,
            "an integer",
            double.class,
            "a number",
            Double.class,
            "a number",
            float.class,
            "a number",
            Float.class,
            "a number",
            boolean.class,
            "true or false",
            Boolean.class,
            "true or false");
    if (scalars.containsKey(type)) {
      return scalars.get(type);
    }
    if (type == String.class) {
      return "a string";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    return type.isRecord()
        ? "a mapping with keys " + String.join(", ", known(type))
        : type.getSimpleName();
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
