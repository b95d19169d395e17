package dev.repflow.reports;

import dev.repflow.fungi.CombinationResult;
import dev.repflow.fungi.FewShotScore;
import dev.repflow.fungi.FungiSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table of a FUNGI run, one row per feature combination in the paper's order: what the run
 * report and the terminal both show.
 */
public final class FungiTable {
  private FungiTable() {}

  public static String[] columns(FungiSpec spec) {
    List<String> columns =
        new ArrayList<>(
            List.of("features", "dim", "pca", "kNN acc", "kNN mean/class", "linear acc"));
    spec.evaluate().shots().forEach(s -> columns.add(s + "-shot (+-std)"));
    columns.add("retrieval mAP");
    return columns.toArray(String[]::new);
  }

  /** Numbers stay doubles, so each table formats them its own way. */
  public static Object[] row(CombinationResult r) {
    List<Object> row =
        new ArrayList<>(
            List.of(
                r.name(),
                r.dimensions(),
                r.pcaDimensions(),
                r.knnAccuracy(),
                r.knnMeanPerClass(),
                r.linearAccuracy()));
    for (FewShotScore f : r.fewShot()) {
      row.add(String.format(Locale.ROOT, "%.4f+-%.4f", f.mean(), f.std()));
    }
    row.add(r.retrievalMap());
    return row.toArray();
  }
}
