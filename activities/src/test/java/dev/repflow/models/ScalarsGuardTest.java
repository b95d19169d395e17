package dev.repflow.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main class calls DJL's arithmetic with a {@code Number} argument ({@code x.div(2.0)}): those
 * calls free their constant while autograd may still need it (see {@link Scalars}). Checked on the
 * compiled classes, so every call site counts, whatever the source looks like.
 */
class ScalarsGuardTest {
  private static final Pattern NUMBER_ARITHMETIC =
      Pattern.compile(
          "Method ai/djl/(ndarray/NDArray|pytorch/engine/PtNDArray)"
              + "\\.(add|sub|mul|div|pow|maximum|minimum):\\(Ljava/lang/Number;\\)");

  @Test
  void mainClassesUseScalarsForTensorConstants() throws IOException {
    List<String> classes;
    try (Stream<Path> files = Files.walk(Path.of("target/classes"))) {
      classes = files.map(Path::toString).filter(p -> p.endsWith(".class")).toList();
    }
    assertTrue(classes.size() > 100, "compiled classes not found: " + classes.size());
    List<String> args = new ArrayList<>(List.of("-c", "-p"));
    args.addAll(classes);
    StringWriter out = new StringWriter();
    ToolProvider.findFirst("javap")
        .orElseThrow()
        .run(
            new PrintWriter(out), new PrintWriter(new StringWriter()), args.toArray(String[]::new));
    List<String> offenders = new ArrayList<>();
    String source = "?";
    for (String line : out.toString().lines().toList()) {
      if (line.startsWith("Compiled from ")) {
        source = line.substring("Compiled from ".length());
      } else if (NUMBER_ARITHMETIC.matcher(line).find()) {
        offenders.add(source + ": " + line.strip());
      }
    }
    assertEquals(List.of(), offenders, "use Scalars.of(x, value) instead");
  }
}
