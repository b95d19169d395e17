package dev.repflow.worker.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code -o text|json} (picocli mixin): text for people, JSON on stdout for scripts. */
public final class OutputOptions {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
          .build();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (default) or json (only the JSON on stdout; progress stays on stderr).")
  private String format;

  /**
   * True for {@code -o json}.
   *
   * @throws UsageException for a format other than text and json
   */
  public boolean json() {
    return switch (format) {
      case "json" -> true;
      case "text" -> false;
      default ->
          throw new UsageException("-o: unknown format '" + format + "' (known: text, json)");
    };
  }

  /** Prints {@code value} as pretty JSON, null fields left out. */
  public void printJson(PrintWriter out, Object value) {
    try {
      out.println(JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON output: " + e.getOriginalMessage(), e);
    }
    out.flush();
  }
}
