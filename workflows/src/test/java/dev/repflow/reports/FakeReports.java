package dev.repflow.reports;

import dev.repflow.artifacts.ArtifactRef;
import java.util.ArrayList;
import java.util.List;

/** A report step for workflow tests: records each request and returns a fixed report. */
public final class FakeReports implements ReportActivities {
  public final List<RunReportRequest> requests = new ArrayList<>();

  @Override
  public synchronized RunReport write(RunReportRequest request) {
    requests.add(request);
    return report(request.run().experiment() + "/reports/" + request.workflowId());
  }

  /** A report under {@code prefix} with one headline metric. */
  public static RunReport report(String prefix) {
    return new RunReport(
        ref(prefix + "/report.html", "html"),
        ref(prefix + "/run.json", "json"),
        List.of(new Metric("accuracy", 0.5)));
  }

  private static ArtifactRef ref(String key, String format) {
    return new ArtifactRef("s3://repflow/" + key, "a".repeat(64), 1, List.of(), format);
  }
}
