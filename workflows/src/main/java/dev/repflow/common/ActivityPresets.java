package dev.repflow.common;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * Activity options chosen on purpose for each kind of step, shared by every workflow.
 *
 * <p>Compute steps heartbeat at least every few seconds (per batch, throttled by the SDK), so a
 * two-minute heartbeat timeout detects a dead worker long before the start-to-close limit. Retries
 * back off from 5 s; bad input and corrupt artifacts are never retried.
 */
public final class ActivityPresets {
  private static final RetryOptions RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(5))
          .setBackoffCoefficient(2.0)
          .setMaximumInterval(Duration.ofMinutes(2))
          .setMaximumAttempts(4)
          .setDoNotRetry(FailureTypes.INVALID_INPUT, FailureTypes.ARTIFACT_INTEGRITY)
          .build();

  private ActivityPresets() {}

  /** Long tensor work on the GPU queue: training, embedding, gradients, inference. */
  public static ActivityOptions gpuCompute() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.GPU)
        .setStartToCloseTimeout(Duration.ofHours(4))
        .setScheduleToStartTimeout(Duration.ofHours(12))
        .setHeartbeatTimeout(Duration.ofMinutes(2))
        .setRetryOptions(RETRY)
        .build();
  }

  /**
   * The report a run writes last (CPU queue). Bounded from scheduling on, so that a run whose CPU
   * workers are gone still closes (without its report) instead of waiting forever.
   */
  public static ActivityOptions report() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.CPU)
        .setScheduleToCloseTimeout(Duration.ofHours(2))
        .setStartToCloseTimeout(Duration.ofMinutes(20))
        .setHeartbeatTimeout(Duration.ofMinutes(2))
        .setRetryOptions(RETRY)
        .build();
  }

  /** Evaluation and metrics on the CPU queue: minutes, not hours. */
  public static ActivityOptions cpuCompute() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.CPU)
        .setStartToCloseTimeout(Duration.ofMinutes(60))
        .setHeartbeatTimeout(Duration.ofMinutes(2))
        .setRetryOptions(RETRY)
        .build();
  }
}
