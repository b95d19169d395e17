package dev.repflow.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * The calls in this module's compiled main classes, as javap disassembles them, for guard tests
 * that forbid a library call everywhere. Reading bytecode rather than source counts every call
 * site, whatever the source looks like.
 */
final class CompiledCalls {
  private static List<String> lines;

  private CompiledCalls() {}

  /** Every disassembled line matching {@code call}, as {@code "Source.java: line"}. */
  static List<String> matching(Pattern call) {
    List<String> found = new ArrayList<>();
    String source = "?";
    for (String line : disassembly()) {
      if (line.startsWith("Compiled from ")) {
        source = line.substring("Compiled from ".length());
      } else if (call.matcher(line).find()) {
        found.add(source + ": " + line.strip());
      }
    }
    return found;
  }

  private static synchronized List<String> disassembly() {
    if (lines == null) {
      List<String> classes;
      try (Stream<Path> files = Files.walk(Path.of("target/classes"))) {
        classes = files.map(Path::toString).filter(p -> p.endsWith(".class")).toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      assertTrue(classes.size() > 100, "compiled classes not found: " + classes.size());
      List<String> args = new ArrayList<>(List.of("-c", "-p"));
      args.addAll(classes);
      StringWriter out = new StringWriter();
      ToolProvider.findFirst("javap")
          .orElseThrow()
          .run(
              new PrintWriter(out),
              new PrintWriter(new StringWriter()),
              args.toArray(String[]::new));
      lines = out.toString().lines().toList();
    }
    return lines;
  }
}
