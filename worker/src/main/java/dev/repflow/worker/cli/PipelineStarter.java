package dev.repflow.worker.cli;

import dev.repflow.common.PipelineSpec;
import dev.repflow.common.RepflowSearchAttributes;
import dev.repflow.common.TaskQueues;
import dev.repflow.worker.config.JsonSpecs;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts pipeline workflows with the memo and search attributes the web UI filters on. */
final class PipelineStarter {
  private static final Logger log = LoggerFactory.getLogger(PipelineStarter.class);

  private PipelineStarter() {}

  static WorkflowStub start(RepflowRuntime runtime, String workflowId, RunPlan plan, Path config) {
    PipelineSpec spec = plan.spec();
    String type = plan.pipeline().workflowType();
    WorkflowOptions.Builder options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(workflowId)
            .setTaskQueue(TaskQueues.CPU)
            .setStaticSummary(plan.summary())
            .setStaticDetails("Started by `repflow run " + config + "`")
            .setMemo(
                Map.of(
                    "config", config.toString(),
                    "pipeline", spec.pipeline(),
                    "experiment", spec.experiment(),
                    "spec", JsonSpecs.toJson(plan.input())));
    if (runtime.searchAttributes()) {
      options.setTypedSearchAttributes(
          SearchAttributes.newBuilder()
              .set(RepflowSearchAttributes.PIPELINE, type)
              .set(RepflowSearchAttributes.EXPERIMENT, spec.experiment())
              .set(RepflowSearchAttributes.DATASET, spec.dataset().name())
              .set(RepflowSearchAttributes.MODEL, spec.modelLabel())
              .build());
    } else {
      log.warn(
          "repflow search attributes are not registered on this namespace; the run is not"
              + " filterable in the web UI (see infra/README.md to register them)");
    }
    WorkflowStub stub = runtime.client().newUntypedWorkflowStub(type, options.build());
    stub.start(plan.input());
    return stub;
  }
}
