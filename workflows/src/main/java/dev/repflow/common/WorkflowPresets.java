package dev.repflow.common;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.converter.DataConverterException;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.common.metadata.POJOActivityInterfaceMetadata;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** How repflow's workflow implementations are registered on a worker. */
public final class WorkflowPresets {
  private WorkflowPresets() {}

  /**
   * Fails the run, instead of retrying its workflow task forever, when the input cannot be read
   * into a spec. Reading the input runs every spec record's compact-constructor validation (the
   * same the CLI runs on a config), so JSON from {@code temporal workflow start} with a bad value
   * fails the run at once with the message naming the key, e.g. {@code evaluate.classes: unknown
   * class id 12} or {@code experiment: 'a b' is not a valid name}. Invalid input never gets better
   * by replaying it.
   */
  public static WorkflowImplementationOptions implementationOptions() {
    return WorkflowImplementationOptions.newBuilder()
        .setFailWorkflowExceptionTypes(DataConverterException.class)
        .build();
  }

  /**
   * {@link #implementationOptions()} with another heartbeat timeout for every activity of {@code
   * activityInterfaces} than {@link ActivityPresets}' two minutes: how long a worker may stay
   * silent before its step is given to another worker. Options set here win over the stubs'.
   *
   * @param heartbeatTimeout e.g. a few seconds in tests that kill workers
   */
  public static WorkflowImplementationOptions implementationOptions(
      Duration heartbeatTimeout, Collection<Class<?>> activityInterfaces) {
    ActivityOptions override =
        ActivityOptions.newBuilder().setHeartbeatTimeout(heartbeatTimeout).build();
    Map<String, ActivityOptions> perActivity = new HashMap<>();
    for (Class<?> activities : activityInterfaces) {
      POJOActivityInterfaceMetadata.newInstance(activities)
          .getMethodsMetadata()
          .forEach(method -> perActivity.put(method.getActivityTypeName(), override));
    }
    return WorkflowImplementationOptions.newBuilder(implementationOptions())
        .setActivityOptions(perActivity)
        .build();
  }

  /**
   * Worker interceptors every factory running repflow's workflows needs: {@link
   * WorkflowInputGuard}, and {@link ActivitySummaries} (each activity named by its stage in the web
   * UI).
   */
  public static WorkerInterceptor[] workerInterceptors() {
    return new WorkerInterceptor[] {new WorkflowInputGuard(), new ActivitySummaries()};
  }
}
