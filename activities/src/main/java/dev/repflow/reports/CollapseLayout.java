package dev.repflow.reports;

import dev.repflow.collapse.CollapseMetrics;
import dev.repflow.collapse.CollapseResult;
import dev.repflow.collapse.CollapseSpec;

/** Report of a neural-collapse run: one row per NC measure. */
final class CollapseLayout {
  private CollapseLayout() {}

  static void describe(CollapseSpec spec, CollapseResult result, Sections out) {
    if (result.backbone() == null) {
      out.line("TorchScript backbone %s.", spec.torchscript());
    } else {
      out.line(
          "Backbone %s pretrained on classes %s (train accuracy %.4f).",
          result.backbone().model().label(),
          spec.pretrain().classes(),
          result.backbone().trainAccuracy());
    }
    out.line(
        "Classifier %s (train accuracy %.4f).",
        spec.analysis().classifier(), result.probe().trainAccuracy());
    CollapseMetrics m = result.metrics();
    var table =
        out.table("Neural collapse", "definitions of the reference library", "measure", "value");
    row(out, table, "NC1 pinv", m.nc1Pinv(), true);
    row(out, table, "NC1 svd", m.nc1Svd(), false);
    row(out, table, "NC1 quotient", m.nc1Quotient(), false);
    row(out, table, "NC1 CDNV", m.nc1Cdnv(), false);
    row(out, table, "NC2 ETF error", m.nc2EtfError(), true);
    row(out, table, "NC2 distance variance", m.nc2DistVariance(), false);
    row(out, table, "NC2 log variance", m.nc2LogVariance(), false);
    row(out, table, "NC2 Riesz variance", m.nc2RieszVariance(), false);
    row(out, table, "NC3 duality error", m.nc3DualityError(), false);
    row(out, table, "NC3 uniform duality", m.nc3UniformDuality(), false);
    if (m.nc4Agreement() != null) {
      row(out, table, "NC4 NCC agreement", m.nc4Agreement(), false);
    }
    if (m.nc5OodDeviation() != null) {
      row(out, table, "NC5 OOD deviation", m.nc5OodDeviation(), false);
    }
  }

  private static void row(
      Sections out, Sections.Table table, String name, double value, boolean headline) {
    table.row(name, value);
    if (headline) {
      out.headline(name, value);
    } else {
      out.metric(name, value);
    }
  }
}
