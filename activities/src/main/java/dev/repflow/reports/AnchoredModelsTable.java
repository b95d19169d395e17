package dev.repflow.reports;

import dev.repflow.anchoring.AnchoredModel;

/** The trained models of an anchoring run, as the run report and the terminal both list them. */
public final class AnchoredModelsTable {
  private AnchoredModelsTable() {}

  public static String[] columns() {
    return new String[] {"model", "alpha", "train acc", "train loss"};
  }

  /** Numbers stay doubles, so each table formats them its own way. */
  public static Object[] row(AnchoredModel m) {
    return new Object[] {
      m.variant().name(),
      m.variant().anchored() ? String.valueOf(m.variant().alpha()) : "-",
      m.trainAccuracy(),
      m.trainLoss()
    };
  }
}
