package dev.repflow.common;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's progress as a short markdown table, for the Temporal web UI's "current details".
 *
 * <p>Stages are grouped by their first word ({@code infer standard fog} and {@code infer
 * anchored-a0.25 snow} are both {@code infer}), so a run with 54 inference stages still shows a
 * table of a few lines. Pure function of the progress record: deterministic in workflow code.
 */
public final class ProgressMarkdown {
  /** Running stages named below the table; the rest are counted. */
  static final int RUNNING_LISTED = 4;

  private ProgressMarkdown() {}

  public static String of(PipelineProgress progress) {
    Map<String, EnumMap<StageStatus.State, Integer>> groups = new LinkedHashMap<>();
    for (StageStatus s : progress.stages()) {
      groups
          .computeIfAbsent(group(s.stage()), g -> new EnumMap<>(StageStatus.State.class))
          .merge(s.state(), 1, Integer::sum);
    }
    StringBuilder md = new StringBuilder();
    md.append("**")
        .append(progress.pipeline())
        .append("**: ")
        .append(progress.finished())
        .append(" of ")
        .append(progress.stages().size())
        .append(" stages finished\n\n");
    md.append("| stages | done | cached | running | pending | failed |\n");
    md.append("|---|--:|--:|--:|--:|--:|\n");
    groups.forEach(
        (name, counts) -> {
          int total = counts.values().stream().mapToInt(Integer::intValue).sum();
          md.append("| ").append(name).append(total > 1 ? " (" + total + ")" : "");
          for (StageStatus.State state : ORDER) {
            md.append(" | ").append(counts.getOrDefault(state, 0));
          }
          md.append(" |\n");
        });
    List<StageStatus> running = progress.running();
    if (!running.isEmpty()) {
      md.append("\nRunning: ");
      running.stream()
          .limit(RUNNING_LISTED)
          .forEach(s -> md.append('`').append(s.stage()).append("` "));
      if (running.size() > RUNNING_LISTED) {
        md.append("and ").append(running.size() - RUNNING_LISTED).append(" more");
      }
      md.append('\n');
    }
    return md.toString().stripTrailing();
  }

  private static final List<StageStatus.State> ORDER =
      List.of(
          StageStatus.State.DONE,
          StageStatus.State.CACHED,
          StageStatus.State.RUNNING,
          StageStatus.State.PENDING,
          StageStatus.State.FAILED);

  /**
   * First word of a stage name: {@code embed-train} -> {@code embed}, {@code batch 3/9} -> batch.
   */
  static String group(String stage) {
    int cut = 0;
    while (cut < stage.length() && stage.charAt(cut) != ' ' && stage.charAt(cut) != '-') {
      cut++;
    }
    return cut == 0 ? stage : stage.substring(0, cut);
  }
}
