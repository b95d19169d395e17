package dev.repflow.imprinting;

import dev.repflow.artifacts.ArtifactRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** From run records to methods, the critical-difference comparison and the workflow's summary. */
final class Summaries {
  /** Methods listed in the summary's {@code leaders}. */
  static final int LEADERS = 10;

  private Summaries() {}

  /**
   * One score per method and task: the median over the method's runs (its seeds), as IMPRINT's
   * analysis; methods in first-seen order.
   */
  static List<MethodScore> methods(List<RunRecord> runs) {
    Map<String, List<RunRecord>> byMethod = new LinkedHashMap<>();
    for (RunRecord r : runs) {
      byMethod.computeIfAbsent(r.config().method(), m -> new ArrayList<>()).add(r);
    }
    List<MethodScore> out = new ArrayList<>();
    byMethod.forEach(
        (method, seeds) -> {
          int tasks = seeds.get(0).accuracies().size();
          List<Double> acc = new ArrayList<>();
          for (int t = 0; t < tasks; t++) {
            int task = t;
            acc.add(median(seeds.stream().mapToDouble(r -> r.accuracies().get(task)).toArray()));
          }
          double mean = acc.stream().mapToDouble(Double::doubleValue).average().orElse(0);
          out.add(new MethodScore(method, acc, mean));
        });
    return out;
  }

  /** The best {@link #LEADERS} methods by mean accuracy (descriptive; not what is tested). */
  static List<MethodScore> leaders(List<MethodScore> methods) {
    return methods.stream()
        .sorted(Comparator.comparingDouble(MethodScore::meanAccuracy).reversed())
        .limit(LEADERS)
        .toList();
  }

  /**
   * CD analysis of the methods {@code names} (fixed by the spec) over the tasks (blocks).
   *
   * @throws IllegalArgumentException if a named method has no runs
   */
  static CriticalDifference compare(List<MethodScore> methods, List<String> names, double alpha) {
    List<MethodScore> chosen = chosen(methods, names);
    int tasks = chosen.get(0).accuracies().size();
    double[][] scores = new double[tasks][chosen.size()];
    for (int j = 0; j < chosen.size(); j++) {
      for (int t = 0; t < tasks; t++) {
        scores[t][j] = chosen.get(j).accuracies().get(t);
      }
    }
    return CriticalDifference.of(names, scores, alpha);
  }

  /** The summary of {@code diff} over {@code methods}. */
  static ImprintingSummary summary(
      ArtifactRef table,
      ArtifactRef diagram,
      ArtifactRef tests,
      List<String> tasks,
      List<Long> seeds,
      int runs,
      List<MethodScore> methods,
      CriticalDifference diff) {
    List<MethodScore> chosen = chosen(methods, diff.names());
    List<RankedMethod> ranked = new ArrayList<>();
    for (int i = 0; i < chosen.size(); i++) {
      MethodScore m = chosen.get(i);
      ranked.add(
          new RankedMethod(m.id(), m.accuracies(), m.meanAccuracy(), diff.averageRanks()[i]));
    }
    List<List<String>> cliques = new ArrayList<>();
    for (List<Integer> c : diff.cliques().cliques()) {
      cliques.add(c.stream().map(diff.names()::get).toList());
    }
    return new ImprintingSummary(
        table,
        diagram,
        tests,
        tasks,
        seeds,
        runs,
        leaders(methods),
        ranked,
        diff.friedman().chi2(),
        diff.friedman().p(),
        cliques,
        diff.cliques().complete(),
        false);
  }

  private static List<MethodScore> chosen(List<MethodScore> methods, List<String> names) {
    List<MethodScore> out = new ArrayList<>();
    for (String name : names) {
      out.add(
          methods.stream()
              .filter(m -> m.id().equals(name))
              .findFirst()
              .orElseThrow(
                  () -> new IllegalArgumentException("cd.methods: '" + name + "' has no runs")));
    }
    return out;
  }

  /** Median, the mean of the two middle values for an even count (pandas). */
  static double median(double[] v) {
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
