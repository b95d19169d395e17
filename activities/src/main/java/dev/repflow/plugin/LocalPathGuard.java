package dev.repflow.plugin;

import dev.repflow.common.FailureTypes;
import dev.repflow.data.DataRoots;
import dev.repflow.data.LocalPath;
import dev.repflow.data.LocalPaths;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.metadata.POJOActivityImplMetadata;
import io.temporal.common.metadata.POJOActivityInterfaceMetadata;
import io.temporal.common.metadata.POJOActivityMethodMetadata;
import io.temporal.failure.ApplicationFailure;
import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks every path on the worker's disk that an activity is about to read against the worker's
 * {@link DataRoots}, before the activity runs: arguments that are {@link LocalPaths} (dataset and
 * corruption specs) and parameters marked {@link LocalPath} (a TorchScript folder). A path outside
 * the roots fails the step without retries, naming the key, the path and the roots.
 */
final class LocalPathGuard extends WorkerInterceptorBase {
  private final DataRoots roots;

  /** Activity type to (parameter index to config key) for parameters marked {@link LocalPath}. */
  private final Map<String, Map<Integer, String>> markedParameters = new HashMap<>();

  LocalPathGuard(DataRoots roots, Collection<Class<?>> activityImplementations) {
    this.roots = roots;
    for (Class<?> impl : activityImplementations) {
      for (POJOActivityInterfaceMetadata api :
          POJOActivityImplMetadata.newInstance(impl).getActivityInterfaces()) {
        api.getMethodsMetadata().forEach(this::remember);
      }
    }
  }

  private void remember(POJOActivityMethodMetadata method) {
    Annotation[][] annotations = method.getMethod().getParameterAnnotations();
    for (int i = 0; i < annotations.length; i++) {
      for (Annotation a : annotations[i]) {
        if (a instanceof LocalPath path) {
          markedParameters
              .computeIfAbsent(method.getActivityTypeName(), t -> new HashMap<>())
              .put(i, path.value());
        }
      }
    }
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private String activityType;

      @Override
      public void init(ActivityExecutionContext context) {
        activityType = context.getInfo().getActivityType();
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        try {
          check(activityType, input.getArguments());
        } catch (IllegalArgumentException e) {
          throw ApplicationFailure.newNonRetryableFailure(
              e.getMessage(), FailureTypes.INVALID_INPUT);
        }
        return super.execute(input);
      }
    };
  }

  /** Throws IllegalArgumentException for the first argument path outside the roots. */
  void check(String activityType, Object[] arguments) {
    Map<Integer, String> marked = markedParameters.getOrDefault(activityType, Map.of());
    for (int i = 0; i < arguments.length; i++) {
      Object argument = arguments[i];
      if (argument instanceof LocalPaths spec) {
        roots.checkAll(spec.localPaths());
      } else if (argument instanceof String path && marked.containsKey(i)) {
        roots.check(marked.get(i), path);
      }
    }
  }
}
