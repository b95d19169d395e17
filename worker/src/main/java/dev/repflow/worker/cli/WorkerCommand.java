package dev.repflow.worker.cli;

import dev.repflow.common.TaskQueues;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code repflow worker}: a long-running worker for a real Temporal cluster. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = {
      "Polls repflow's task queues on a running Temporal server until stopped (Ctrl-C).",
      "Needs --temporal; artifacts go to --s3-endpoint, or AWS S3 when it is not given."
    })
public final class WorkerCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private TemporalOptions temporal;
  @Mixin private S3Options s3;
  @Mixin private NumericsOptions numerics;

  @Option(
      names = "--queues",
      split = ",",
      defaultValue = "cpu,gpu",
      description =
          "Queues to poll: cpu (workflows, evaluation), gpu (training, embedding). Default: ${DEFAULT-VALUE}.")
  private List<String> queues;

  @Override
  public Integer call() throws InterruptedException {
    Set<String> taskQueues = taskQueues(queues);
    try (RepflowRuntime runtime = RepflowRuntime.connect(temporal, s3, numerics.profile())) {
      runtime.startWorker(taskQueues);
      spec.commandLine()
          .getOut()
          .printf(
              "repflow worker polling %s on %s (namespace %s), artifacts in %s%n",
              taskQueues,
              runtime.connection().target(),
              temporal.namespace(),
              runtime.s3Location());
      spec.commandLine().getOut().flush();
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      stop.await();
    }
    return 0;
  }

  static Set<String> taskQueues(List<String> names) {
    Set<String> result = new LinkedHashSet<>();
    for (String name : names) {
      switch (name.trim()) {
        case "cpu" -> result.add(TaskQueues.CPU);
        case "gpu" -> result.add(TaskQueues.GPU);
        default ->
            throw new UsageException("--queues: unknown queue '" + name + "' (known: cpu, gpu)");
      }
    }
    return result;
  }
}
