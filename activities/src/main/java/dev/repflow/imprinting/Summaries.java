package dev.repflow.imprinting;

import dev.repflow.artifacts.ArtifactRef;
import java.util.ArrayList;
import java.util.List;

/** From run records to the critical-difference comparison and the workflow's summary. */
final class Summaries {
  private Summaries() {}

  /**
   * The compared runs: {@code cd.include()} first, then the best by mean accuracy ({@code rows}
   * sorted), skipping runs whose accuracies equal an already chosen run's on every task.
   */
  static List<RunRecord> select(List<RunRecord> rows, CdSpec cd) {
    List<RunRecord> out = new ArrayList<>();
    for (String id : cd.include()) {
      out.add(
          rows.stream()
              .filter(r -> r.id().equals(id))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "cd.include: run '" + id + "' is not in the grid")));
    }
    int best = 0;
    for (RunRecord r : rows) {
      if (best >= cd.top()) {
        break;
      }
      if (out.stream().noneMatch(o -> o.accuracies().equals(r.accuracies()))) {
        out.add(r);
        best++;
      }
    }
    if (out.size() < 2) {
      throw new IllegalArgumentException("cd: fewer than 2 distinct runs to compare");
    }
    return out;
  }

  /** CD analysis of {@code runs} (methods) over their tasks (blocks). */
  static CriticalDifference compare(List<RunRecord> runs, double alpha) {
    int tasks = runs.get(0).accuracies().size();
    double[][] scores = new double[tasks][runs.size()];
    for (int j = 0; j < runs.size(); j++) {
      for (int t = 0; t < tasks; t++) {
        scores[t][j] = runs.get(j).accuracies().get(t);
      }
    }
    return CriticalDifference.of(runs.stream().map(RunRecord::id).toList(), scores, alpha);
  }

  /**
   * The summary; when the Friedman test does not reject, every compared run is in one clique (no
   * post-hoc test is made, Demsar 2006).
   */
  static ImprintingSummary summary(
      ArtifactRef table,
      ArtifactRef diagram,
      List<String> tasks,
      List<RunRecord> top,
      CriticalDifference diff,
      double alpha,
      int runs) {
    List<RankedRun> ranked = new ArrayList<>();
    for (int i = 0; i < diff.names().size(); i++) {
      String id = diff.names().get(i);
      RunRecord r = top.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
      ranked.add(new RankedRun(id, r.accuracies(), r.meanAccuracy(), diff.averageRanks()[i]));
    }
    List<List<String>> cliques = new ArrayList<>();
    if (diff.friedman().p() >= alpha) {
      cliques.add(diff.names());
    } else {
      for (List<Integer> c : diff.cliques()) {
        cliques.add(c.stream().map(diff.names()::get).toList());
      }
    }
    double chi2 = Double.isFinite(diff.friedman().chi2()) ? diff.friedman().chi2() : 0;
    double p = Double.isFinite(diff.friedman().p()) ? diff.friedman().p() : 1;
    return new ImprintingSummary(table, diagram, tasks, ranked, chi2, p, cliques, runs, false);
  }
}
