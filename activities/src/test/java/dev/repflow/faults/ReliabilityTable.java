package dev.repflow.faults;

import dev.repflow.faults.FaultPlan.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the fault suite did and what came of it, one row per scenario, as a Markdown table in {@code
 * target/reliability.md} (rewritten after each test class, so it holds every row so far).
 */
final class ReliabilityTable {
  /** The table all fault tests of this JVM add to. */
  static final ReliabilityTable SUITE = new ReliabilityTable();

  private static final Path FILE = Path.of("target", "reliability.md");

  /**
   * @param faults faults injected, by kind
   * @param runs e.g. {@code 3/3} pipeline runs finished, or {@code -} for store-level scenarios
   * @param verified stored artifacts read back afterwards whose bytes matched their sha256
   * @param corrupt corrupt artifacts detected and recomputed, e.g. {@code 3 -> 3}, or {@code -}
   * @param epochsRecomputed training epochs trained again because their checkpoint was damaged
   */
  record Row(
      String scenario,
      Map<Fault, Integer> faults,
      String runs,
      int verified,
      String corrupt,
      int epochsRecomputed) {}

  private final List<Row> rows = new ArrayList<>();

  synchronized void add(Row row) {
    rows.add(row);
  }

  synchronized String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("| scenario | faults injected | runs finished | artifacts verified |")
        .append(" corrupt artifacts detected -> recomputed | epochs recomputed |\n")
        .append("|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      md.append("| ")
          .append(r.scenario())
          .append(" | ")
          .append(faults(r.faults()))
          .append(" | ")
          .append(r.runs())
          .append(" | ")
          .append(r.verified())
          .append(" | ")
          .append(r.corrupt())
          .append(" | ")
          .append(r.epochsRecomputed())
          .append(" |\n");
    }
    return md.toString();
  }

  void write() throws IOException {
    Files.createDirectories(FILE.getParent());
    Files.writeString(FILE, markdown());
  }

  private static String faults(Map<Fault, Integer> faults) {
    int total = faults.values().stream().mapToInt(Integer::intValue).sum();
    if (total == 0) {
      return "0";
    }
    return total
        + " ("
        + faults.entrySet().stream()
            .map(e -> name(e.getKey()) + " " + e.getValue())
            .collect(Collectors.joining(", "))
        + ")";
  }

  private static String name(Fault fault) {
    return switch (fault) {
      case SERVER_ERROR -> "5xx";
      case RESET -> "reset";
      case TRUNCATED_REQUEST -> "truncated request";
      case TRUNCATED_RESPONSE -> "truncated response";
      case STALL -> "stall";
      case NONE -> "none";
    };
  }
}
