package dev.repflow.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the worker's packages layered: only {@code cli} may use the others, except that {@code ui}
 * reads runs through {@code runs}, which reaches Temporal through {@code runtime}. Reads the
 * sources, not the class files, because javac inlines constants such as {@code
 * S3Options.DEFAULT_REGION} and the compiled class would no longer name where they came from.
 */
class PackageDependenciesTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/repflow/worker");
  private static final Pattern REFERENCE = Pattern.compile("dev\\.repflow\\.worker\\.(\\w+)\\.");

  /** Which sibling packages each package may name; a new package needs an entry here. */
  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "cli", Set.of("config", "report", "runtime", "runs", "ui"),
          "config", Set.of(),
          "report", Set.of(),
          "runtime", Set.of(),
          "runs", Set.of("runtime"),
          "ui", Set.of("runs"));

  @Test
  void everySourceLivesInAKnownPackage() throws IOException {
    Set<String> found = new TreeSet<>();
    try (Stream<Path> entries = Files.list(SOURCES)) {
      entries.forEach(p -> found.add(p.getFileName().toString()));
    }
    assertEquals(new TreeSet<>(ALLOWED.keySet()), found);
  }

  @Test
  void onlyCliUsesTheOtherPackages() throws IOException {
    List<String> violations = new ArrayList<>();
    for (var entry : ALLOWED.entrySet()) {
      try (Stream<Path> files = Files.walk(SOURCES.resolve(entry.getKey()))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          Matcher m = REFERENCE.matcher(Files.readString(file));
          while (m.find()) {
            String used = m.group(1);
            if (!used.equals(entry.getKey()) && !entry.getValue().contains(used)) {
              violations.add(file.getFileName() + " uses worker." + used);
            }
          }
        }
      }
    }
    assertTrue(violations.isEmpty(), String.join("; ", violations));
  }
}
