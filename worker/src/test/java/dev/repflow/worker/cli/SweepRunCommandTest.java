package dev.repflow.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config with a sweep: section, run in-process: one child run per point, mean +- std. */
class SweepRunCommandTest {
  static final String SWEEP = "src/test/resources/configs/tiny-sweep.yaml";

  @TempDir Path dataDir;

  @Test
  void sweepsRunEveryPointReuseTheCacheAndReportMeanAndStd() throws Exception {
    CliRun spec = CliRun.execute("spec", SWEEP);
    assertEquals(0, spec.exitCode(), spec.toString());
    assertTrue(spec.err().contains("# workflow type: SweepWorkflow"), spec.toString());
    assertTrue(spec.out().contains("\"evaluate.k\" : [ 3, 7 ]"), spec.out());

    CliRun run =
        CliRun.execute("run", SWEEP, "--data-dir", dataDir.toString(), "--workflow-id", "sw");
    assertEquals(0, run.exitCode(), run.toString());
    String out = run.out();
    assertTrue(out.contains("4 points (2 groups x 2 seed(s)), 4 completed, 0 failed"), out);
    assertTrue(
        out.matches(
            "(?s).*knn embeddings / accuracy\\s+0\\.\\d{4}\\+-0\\.\\d{4} \\(n=2\\)"
                + "\\s+0\\.\\d{4}\\+-0\\.\\d{4} \\(n=2\\).*"),
        out);
    assertTrue(out.contains("Report    s3://repflow/sweep-test/reports/sw/report.html"), out);
    // Points with the same seed share the pretrained backbone: the second k reuses it.
    assertTrue(run.err().contains("reused from cache") || out.contains("point"), run.toString());

    CliRun list = CliRun.execute("list", "--data-dir", dataDir.toString());
    assertEquals(0, list.exitCode(), list.toString());
    for (String id : new String[] {"sw ", "sw-p000", "sw-p001", "sw-p002", "sw-p003"}) {
      assertTrue(list.out().lines().anyMatch(l -> l.startsWith(id)), id + "\n" + list.out());
    }
    assertTrue(list.out().contains("transfer (sweep)"), list.out());

    Path saved = dataDir.resolve("sw.html");
    CliRun report =
        CliRun.execute("report", "sw", "--data-dir", dataDir.toString(), "--out", saved.toString());
    assertEquals(0, report.exitCode(), report.toString());
    String html = Files.readString(saved);
    assertTrue(html.contains("Mean ± std per group"), html);
    assertTrue(html.contains("sw-p003"), html);
  }
}
