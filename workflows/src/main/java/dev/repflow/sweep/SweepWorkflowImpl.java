package dev.repflow.sweep;

import dev.repflow.artifacts.RunContext;
import dev.repflow.common.ActivityPresets;
import dev.repflow.common.PipelineProgress;
import dev.repflow.common.RepflowSearchAttributes;
import dev.repflow.common.RunLabels;
import dev.repflow.common.RunRecord;
import dev.repflow.common.StageTracker;
import dev.repflow.common.TaskQueues;
import dev.repflow.data.DatasetSpec;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recipe: expand the points; run up to {@code pointsPerRun} of them as child workflows, at most
 * {@code parallelism} at a time; continue as new with the outcomes so far until every point ran;
 * then aggregate the points' reports. A point that fails is reported, not retried.
 */
public class SweepWorkflowImpl implements SweepWorkflow {
  private final SweepActivities sweeps =
      Workflow.newActivityStub(SweepActivities.class, ActivityPresets.report());

  private StageTracker tracker = new StageTracker(TYPE, List.of());

  @Override
  public SweepResult run(SweepSpec spec) {
    List<SweepPoint> points = SweepPoints.expand(spec);
    tracker = new StageTracker(TYPE, points.stream().map(SweepWorkflowImpl::stage).toList());
    RunRecord record = RunRecord.begin(labels(spec), spec.withCarry(null), tracker);
    List<PointOutcome> outcomes = new ArrayList<>();
    if (spec.carry() != null) {
      spec.carry().finished().forEach(o -> track(points.get(o.index()), o));
      outcomes.addAll(spec.carry().finished());
    }
    int from = outcomes.size();
    int to = Math.min(points.size(), from + spec.pointsPerRun());
    List<Promise<PointOutcome>> started = new ArrayList<>();
    List<Promise<PointOutcome>> inFlight = new ArrayList<>();
    for (SweepPoint point : points.subList(from, to)) {
      if (inFlight.size() >= spec.parallelism()) {
        Promise.anyOf(inFlight).get();
        inFlight.removeIf(Promise::isCompleted);
      }
      Promise<PointOutcome> p = runPoint(spec, point);
      started.add(p);
      inFlight.add(p);
    }
    started.forEach(p -> outcomes.add(p.get()));
    if (to < points.size()) {
      // A fresh history per batch of points: events and payloads stay bounded per run.
      Workflow.continueAsNew(spec.withCarry(new SweepCarry(to, outcomes)));
    }

    RunContext run = new RunContext(spec.experiment(), true);
    String id = Workflow.getInfo().getWorkflowId();
    SweepSummary summary =
        record.publish(
            () -> sweeps.report(new SweepReportRequest(id, run, spec.withCarry(null), outcomes)),
            SweepSummary::report);
    return new SweepResult(
        spec.pipeline(),
        spec.workflowType(),
        outcomes,
        summary == null ? List.of() : summary.groups(),
        summary == null ? null : summary.report().html().uri());
  }

  @Override
  public PipelineProgress progress() {
    return tracker.snapshot();
  }

  private Promise<PointOutcome> runPoint(SweepSpec spec, SweepPoint point) {
    String stage = stage(point);
    String childId = childId(Workflow.getInfo().getWorkflowId(), point.index());
    ChildWorkflowOptions.Builder options =
        ChildWorkflowOptions.newBuilder()
            .setWorkflowId(childId)
            .setTaskQueue(TaskQueues.CPU)
            .setStaticSummary(spec.pipeline() + " sweep point " + point.label())
            .setMemo(Map.of("sweep", Workflow.getInfo().getWorkflowId(), "point", point.label()));
    if (RepflowSearchAttributes.enabledForThisRun()) {
      options.setTypedSearchAttributes(
          SearchAttributes.newBuilder()
              .set(RepflowSearchAttributes.PIPELINE, spec.workflowType())
              .set(RepflowSearchAttributes.EXPERIMENT, spec.experiment())
              .build());
    }
    tracker.start(stage);
    Map<String, Object> pointSpec = SweepPoints.apply(spec.base(), point.params());
    return Workflow.newUntypedChildWorkflowStub(spec.workflowType(), options.build())
        .executeAsync(Object.class, pointSpec)
        .handle(
            (ignored, failure) -> {
              PointOutcome outcome =
                  new PointOutcome(
                      point.index(),
                      childId,
                      point.group(),
                      point.params(),
                      failure == null ? null : rootMessage(failure));
              track(point, outcome);
              return outcome;
            });
  }

  private void track(SweepPoint point, PointOutcome outcome) {
    if (outcome.ok()) {
      tracker.finish(stage(point), false, outcome.workflowId());
    } else {
      tracker.fail(stage(point), outcome.error());
    }
  }

  /** Child ids derive from the sweep's id and the point's index. */
  static String childId(String sweepId, int index) {
    return String.format(Locale.ROOT, "%s-p%03d", sweepId, index);
  }

  private static String stage(SweepPoint point) {
    return String.format(Locale.ROOT, "point %03d %s", point.index(), point.label());
  }

  private static RunLabels labels(SweepSpec spec) {
    Object dataset = spec.base().get("dataset");
    Object name = dataset instanceof Map<?, ?> d ? d.get("name") : null;
    return new RunLabels(
        spec.pipeline(),
        spec.workflowType(),
        spec.experiment(),
        name instanceof String s ? s : DatasetSpec.defaults().name(),
        "sweep");
  }

  /** The innermost failure's own message: the child's validation error or failed step. */
  private static String rootMessage(Throwable failure) {
    String message = failure.getMessage();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TemporalFailure tf && !(t instanceof ChildWorkflowFailure)) {
        message = tf.getOriginalMessage();
      }
    }
    return message;
  }
}
