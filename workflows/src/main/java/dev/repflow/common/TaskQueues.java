package dev.repflow.common;

/** The two task queues repflow schedules on. Heavy tensor work goes to GPU, the rest to CPU. */
public final class TaskQueues {
  /** Embedding, gradients, training, inference. Workers here should own an accelerator. */
  public static final String GPU = "repflow-gpu";

  /** Workflows, evaluation, metrics, reports. */
  public static final String CPU = "repflow-cpu";

  private TaskQueues() {}
}
