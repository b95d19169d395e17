package dev.repflow.worker.cli;

import dev.repflow.worker.config.JsonSpecs;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code repflow spec CONFIG}: the validated workflow input as JSON, for starting a run with the
 * Temporal CLI ({@code temporal workflow start --type ... --input-file spec.json}).
 */
@Command(
    name = "spec",
    mixinStandardHelpOptions = true,
    description = {
      "Validates a config and prints the workflow type, task queue and JSON input, for",
      "`temporal workflow start` or any Temporal client."
    })
public final class SpecCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "Pipeline config (YAML).")
  private Path config;

  @Override
  public Integer call() {
    Pipelines.Loaded loaded = Pipelines.load(config);
    RunPlan plan = RunPlan.of(config, loaded, loaded.spec());
    var err = spec.commandLine().getErr();
    err.println("# workflow type: " + plan.pipeline().workflowType());
    err.println("# task queue:    " + dev.repflow.common.TaskQueues.CPU);
    err.flush();
    spec.commandLine().getOut().println(JsonSpecs.toJson(plan.input()));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
