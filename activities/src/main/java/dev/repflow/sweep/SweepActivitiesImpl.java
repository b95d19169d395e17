package dev.repflow.sweep;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.artifacts.JsonArtifacts;
import dev.repflow.reports.Lineage;
import dev.repflow.reports.Metric;
import dev.repflow.reports.ReportActivitiesImpl;
import dev.repflow.reports.ReportKeys;
import dev.repflow.reports.ReportWriter;
import dev.repflow.reports.RunDocument;
import dev.repflow.reports.StepTimings;
import dev.repflow.reports.SweepData;
import dev.repflow.reports.SweepPointData;
import dev.repflow.steps.StepFailures;
import io.temporal.common.WorkflowExecutionHistory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Aggregates a sweep (CPU queue): reads each completed point's {@code run.json}, computes mean and
 * std per group and metric, writes the sweep's own report beside its points'.
 */
public final class SweepActivitiesImpl implements SweepActivities {
  private final ArtifactStore store;
  private final ReportWriter writer;
  private final Function<String, Optional<WorkflowExecutionHistory>> histories;

  public SweepActivitiesImpl(ArtifactStore store) {
    this(store, ReportActivitiesImpl::currentHistory);
  }

  public SweepActivitiesImpl(
      ArtifactStore store, Function<String, Optional<WorkflowExecutionHistory>> histories) {
    this.store = store;
    this.writer = new ReportWriter(store);
    this.histories = histories;
  }

  @Override
  public SweepSummary report(SweepReportRequest request) {
    return StepFailures.guard("sweep report", () -> aggregate(request));
  }

  private SweepSummary aggregate(SweepReportRequest request) {
    SweepSpec spec = request.spec();
    String experiment = request.run().experiment();
    Map<Integer, List<Metric>> metrics = new HashMap<>();
    List<SweepPointData> points = new ArrayList<>();
    List<Lineage> reports = new ArrayList<>();
    List<Metric> headlineOfAPoint = List.of();
    for (PointOutcome p : request.points()) {
      String error = p.error();
      List<Metric> found = List.of();
      Optional<ArtifactRef> data =
          p.ok()
              ? store.find(ReportKeys.folder(experiment, p.workflowId()) + ReportKeys.DATA)
              : Optional.empty();
      if (data.isPresent()) {
        RunDocument doc = JsonArtifacts.read(store, data.get(), RunDocument.class);
        found = doc.metrics();
        metrics.put(p.index(), found);
        headlineOfAPoint = headlineOfAPoint.isEmpty() ? doc.headline() : headlineOfAPoint;
        reports.add(lineage(p, data.get()));
      } else if (error == null) {
        error = "completed without a report";
      }
      points.add(
          new SweepPointData(p.index(), p.workflowId(), p.group(), p.params(), error, found));
    }
    List<String> seedKeys = List.copyOf(spec.seeds().keySet());
    List<GroupSummary> groups = GroupStats.of(request.points(), metrics, seedKeys);
    List<Metric> headline = headline(headlineOfAPoint, groups);
    long failed = points.stream().filter(p -> p.error() != null).count();
    RunDocument doc =
        new RunDocument(
            RunDocument.FORMAT,
            request.sweepId(),
            SweepWorkflow.TYPE,
            spec.pipeline(),
            experiment,
            ReportWriter.written(),
            ReportWriter.codeVersion(),
            spec,
            headline,
            List.of(),
            List.of(
                String.format(
                    "%d points of the %s pipeline: %d groups x %d seed(s); %d completed, %d"
                        + " failed. Headline: mean of the first group.",
                    points.size(),
                    spec.pipeline(),
                    groups.size(),
                    spec.replicates(),
                    points.size() - failed,
                    failed)),
            List.of(),
            List.of(),
            reports,
            histories.apply(request.sweepId()).map(StepTimings::of).orElse(null),
            new SweepData(seedKeys, List.copyOf(spec.values().keySet()), groups, points));
    return new SweepSummary(writer.write(doc, Map.of()), groups);
  }

  /** The points' headline metrics, as the mean over the first group that reports them. */
  private static List<Metric> headline(List<Metric> names, List<GroupSummary> groups) {
    List<Metric> headline = new ArrayList<>();
    for (Metric m : names) {
      groups.stream()
          .flatMap(g -> g.metrics().stream())
          .filter(s -> s.name().equals(m.name()))
          .findFirst()
          .ifPresent(s -> headline.add(new Metric(m.name(), s.mean())));
    }
    return headline;
  }

  private static Lineage lineage(PointOutcome p, ArtifactRef data) {
    return new Lineage(
        "point " + p.index() + " run.json",
        data.uri(),
        data.sha256(),
        data.bytes(),
        data.format(),
        List.of());
  }
}
