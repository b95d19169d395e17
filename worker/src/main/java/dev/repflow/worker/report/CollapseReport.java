package dev.repflow.worker.report;

import dev.repflow.collapse.CollapseMetrics;
import dev.repflow.collapse.CollapseResult;
import dev.repflow.collapse.CollapseSpec;
import dev.repflow.reports.RunTimings;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints a finished {@link dev.repflow.collapse.CollapseWorkflow} run for the terminal. */
public final class CollapseReport {
  private CollapseReport() {}

  public static void print(
      PrintWriter out,
      String workflowId,
      CollapseSpec spec,
      CollapseResult result,
      RunTimings timings) {
    var a = spec.analysis();
    var backbone = result.backbone();
    out.println();
    if (backbone == null) {
      out.println("TorchScript backbone " + spec.torchscript());
    } else {
      out.println(PretrainedBackbone.describe(backbone, spec.pretrain().classes()));
    }
    out.printf(
        Locale.ROOT,
        "Neural collapse of classes %s (%d train rows, %d shards per pass); OOD classes %s;"
            + " classifier: %s (train accuracy %.4f)%n%n",
        a.classes(),
        result.trainEmbeddings().rows(),
        a.shards(),
        a.oodClasses(),
        a.classifier().equals("head") ? "the backbone's linear head" : "linear probe",
        result.probe().trainAccuracy());
    CollapseMetrics m = result.metrics();
    TextTable table = new TextTable("metric", "value", "collapse means");
    table.row("NC1 pinv  tr(pinv(S_B) S_W)/K", fmt(m.nc1Pinv()), "-> 0");
    table.row("NC1 svd   (top K-1 of S_B)", fmt(m.nc1Svd()), "-> 0");
    table.row("NC1 quot  tr(S_W)/tr(S_B)", fmt(m.nc1Quotient()), "-> 0");
    table.row("NC1 CDNV", fmt(m.nc1Cdnv()), "-> 0");
    table.row("NC2 simplex ETF error", fmt(m.nc2EtfError()), "-> 0");
    table.row("NC2 dist kernel variance", fmt(m.nc2DistVariance()), "-> 0");
    table.row("NC2 log kernel variance", fmt(m.nc2LogVariance()), "-> 0");
    table.row("NC2 riesz kernel variance", fmt(m.nc2RieszVariance()), "-> 0");
    table.row("NC3 self-duality error", fmt(m.nc3DualityError()), "-> 0");
    table.row("NC3 uniform duality var", fmt(m.nc3UniformDuality()), "-> 0");
    table.row("NC4 NCC agreement (test)", fmt(m.nc4Agreement()), "-> 1");
    table.row("NC5 OOD orthogonality dev", fmt(m.nc5OodDeviation()), "-> 0");
    table.print(out);
    out.println();
    out.println("Workflow  " + workflowId);
    out.println("Metrics   " + m.report().uri());
    timings.printSummary(out, result.totalSteps(), result.cachedSteps());
  }

  private static String fmt(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.4g", v);
  }
}
