package dev.repflow.plugin;

import dev.repflow.anchoring.AnchoringActivitiesImpl;
import dev.repflow.anchoring.AnchoringWorkflowImpl;
import dev.repflow.anchoring.CorruptionActivitiesImpl;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.collapse.CollapseActivitiesImpl;
import dev.repflow.collapse.CollapseWorkflowImpl;
import dev.repflow.common.TaskQueues;
import dev.repflow.common.WorkflowPresets;
import dev.repflow.data.DataActivitiesImpl;
import dev.repflow.data.DataRoots;
import dev.repflow.eval.EvalActivitiesImpl;
import dev.repflow.fungi.FungiEvalActivitiesImpl;
import dev.repflow.fungi.FungiWorkflowImpl;
import dev.repflow.fungi.GradientActivitiesImpl;
import dev.repflow.imprinting.ImprintingActivitiesImpl;
import dev.repflow.imprinting.ImprintingWorkflowImpl;
import dev.repflow.models.ModelActivitiesImpl;
import dev.repflow.numerics.CpuNumerics;
import dev.repflow.numerics.NumericsProfile;
import dev.repflow.reports.ReportActivitiesImpl;
import dev.repflow.stitching.StitchingActivitiesImpl;
import dev.repflow.stitching.StitchingWorkflowImpl;
import dev.repflow.sweep.SweepActivitiesImpl;
import dev.repflow.sweep.SweepWorkflowImpl;
import dev.repflow.transfer.TransferEvalWorkflowImpl;
import io.temporal.activity.ActivityInterface;
import io.temporal.common.SimplePlugin;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * repflow as a Temporal plugin: add it to a worker factory (or a client) and every worker created
 * on repflow's task queues gets repflow's workflows and activities.
 *
 * <pre>{@code
 * ArtifactStore store = S3ArtifactStore.connect(settings);
 * WorkerFactory factory = WorkerFactory.newInstance(client,
 *     WorkerFactoryOptions.newBuilder().setPlugins(new RepflowPlugin(store)).build());
 * factory.newWorker(TaskQueues.CPU);   // workflows + evaluation
 * factory.newWorker(TaskQueues.GPU);   // training, embedding (on the machine with the GPU)
 * factory.start();
 * }</pre>
 *
 * <p>Workers on other task queues are left alone, so the plugin can sit in a shared worker.
 */
public final class RepflowPlugin extends SimplePlugin {
  public static final String NAME = "dev.repflow";

  /**
   * Heartbeats carry the progress the CLI shows; the SDK's default throttle (up to 80% of the
   * heartbeat timeout) would leave the live view a minute and a half behind.
   */
  static final Duration HEARTBEAT_THROTTLE = Duration.ofSeconds(2);

  /** Shortest heartbeat timeout allowed: several throttled heartbeats must fit into it. */
  public static final Duration MIN_HEARTBEAT_TIMEOUT = Duration.ofSeconds(5);

  private final ArtifactStore store;
  private final NumericsProfile numerics;
  private final int gpuConcurrency;
  private final DataRoots dataRoots;
  private final Duration heartbeatTimeout;

  /**
   * Plugin storing artifacts in {@code store}; one GPU step at a time per worker; CPU numerics from
   * {@code REPFLOW_NUMERICS} / {@code REPFLOW_THREADS} (default: portable, 2 threads); files read
   * only under {@link DataRoots#defaults()}.
   */
  public RepflowPlugin(ArtifactStore store) {
    this(store, NumericsProfile.fromEnvironment());
  }

  /** Like {@link #RepflowPlugin(ArtifactStore)} with the given CPU numerics. */
  public RepflowPlugin(ArtifactStore store, NumericsProfile numerics) {
    this(store, numerics, DataRoots.defaults());
  }

  /**
   * Like {@link #RepflowPlugin(ArtifactStore, NumericsProfile)} reading files only under {@code
   * dataRoots}.
   */
  public RepflowPlugin(ArtifactStore store, NumericsProfile numerics, DataRoots dataRoots) {
    this(store, numerics, 1, dataRoots);
  }

  /**
   * Creating the plugin fixes this process's CPU numerics ({@link CpuNumerics#pin}): create it
   * before any DJL code runs, or start the JVM with the profile's environment variables.
   *
   * @param gpuConcurrency how many GPU-queue steps one worker runs at once; more than one only pays
   *     off when a step leaves the device idle (small models, data loading)
   * @param dataRoots folders the activities may read files from (dataset, corruption and
   *     TorchScript folders named in specs); other paths fail the step
   * @throws IllegalStateException when the PyTorch engine already runs with other CPU settings
   */
  public RepflowPlugin(
      ArtifactStore store, NumericsProfile numerics, int gpuConcurrency, DataRoots dataRoots) {
    this(store, numerics, gpuConcurrency, dataRoots, null);
  }

  private RepflowPlugin(
      ArtifactStore store,
      NumericsProfile numerics,
      int gpuConcurrency,
      DataRoots dataRoots,
      Duration heartbeatTimeout) {
    super(NAME);
    this.store = Objects.requireNonNull(store, "store");
    this.numerics = Objects.requireNonNull(numerics, "numerics");
    this.dataRoots = Objects.requireNonNull(dataRoots, "dataRoots");
    if (gpuConcurrency < 1) {
      throw new IllegalArgumentException("gpuConcurrency must be >= 1, got " + gpuConcurrency);
    }
    if (heartbeatTimeout != null && heartbeatTimeout.compareTo(MIN_HEARTBEAT_TIMEOUT) < 0) {
      throw new IllegalArgumentException(
          "heartbeat timeout must be at least "
              + MIN_HEARTBEAT_TIMEOUT.toSeconds()
              + " s, got "
              + heartbeatTimeout.toSeconds()
              + " s");
    }
    this.gpuConcurrency = gpuConcurrency;
    this.heartbeatTimeout = heartbeatTimeout;
    CpuNumerics.pin(numerics);
  }

  /**
   * A copy whose workflows give every repflow step {@code timeout} as heartbeat timeout instead of
   * the presets' two minutes: a step on a worker that died moves to another worker after that long.
   * Steps heartbeat every few seconds ({@link #HEARTBEAT_THROTTLE}), so it must be well above that;
   * at least {@link #MIN_HEARTBEAT_TIMEOUT}. Only the worker running the workflow decides; give all
   * workers the same value.
   */
  public RepflowPlugin withHeartbeatTimeout(Duration timeout) {
    return new RepflowPlugin(store, numerics, gpuConcurrency, dataRoots, timeout);
  }

  /**
   * Adds the guards every factory running repflow needs: workflows started without input fail at
   * once, activities read files only under the data roots; and {@link StepMemory}, which records
   * the process's peak resident memory while each step runs.
   */
  @Override
  public void configureWorkerFactory(WorkerFactoryOptions.Builder options) {
    super.configureWorkerFactory(options);
    List<WorkerInterceptor> interceptors = new ArrayList<>();
    if (options.build().getWorkerInterceptors() != null) {
      interceptors.addAll(Arrays.asList(options.build().getWorkerInterceptors()));
    }
    interceptors.addAll(Arrays.asList(WorkflowPresets.workerInterceptors()));
    List<Class<?>> activityTypes = new ArrayList<>();
    concat(gpuActivities(), cpuActivities()).forEach(a -> activityTypes.add(a.getClass()));
    interceptors.add(new LocalPathGuard(dataRoots, activityTypes));
    interceptors.add(StepMemory.ofThisProcess());
    options.setWorkerInterceptors(interceptors.toArray(WorkerInterceptor[]::new));
  }

  @Override
  public void configureWorker(String taskQueue, WorkerOptions.Builder options) {
    super.configureWorker(taskQueue, options);
    if (TaskQueues.GPU.equals(taskQueue)) {
      options.setMaxConcurrentActivityExecutionSize(gpuConcurrency);
    }
    if (TaskQueues.GPU.equals(taskQueue) || TaskQueues.CPU.equals(taskQueue)) {
      options.setMaxHeartbeatThrottleInterval(HEARTBEAT_THROTTLE);
      options.setDefaultHeartbeatThrottleInterval(HEARTBEAT_THROTTLE);
      // Drain on shutdown: by default the SDK fails a running step's next heartbeat once a
      // graceful shutdown starts, so a step that heartbeats per batch would die at once instead
      // of finishing within the grace period.
      options.setAllowActivityHeartbeatDuringShutdown(true);
    }
  }

  @Override
  public void initializeWorker(String taskQueue, Worker worker) {
    super.initializeWorker(taskQueue, worker);
    if (TaskQueues.GPU.equals(taskQueue)) {
      worker.registerActivitiesImplementations(gpuActivities().toArray());
    } else if (TaskQueues.CPU.equals(taskQueue)) {
      worker.registerWorkflowImplementationTypes(
          heartbeatTimeout == null
              ? WorkflowPresets.implementationOptions()
              : WorkflowPresets.implementationOptions(heartbeatTimeout, activityInterfaces()),
          WORKFLOWS.toArray(Class<?>[]::new));
      worker.registerActivitiesImplementations(cpuActivities().toArray());
    }
  }

  /** Every pipeline workflow; they run on the CPU queue. */
  private static final List<Class<?>> WORKFLOWS =
      List.of(
          TransferEvalWorkflowImpl.class,
          FungiWorkflowImpl.class,
          AnchoringWorkflowImpl.class,
          StitchingWorkflowImpl.class,
          CollapseWorkflowImpl.class,
          ImprintingWorkflowImpl.class,
          SweepWorkflowImpl.class);

  /** The activity interfaces that repflow's workflows call. */
  private List<Class<?>> activityInterfaces() {
    List<Class<?>> interfaces = new ArrayList<>();
    for (Object activities : concat(gpuActivities(), cpuActivities())) {
      for (Class<?> type : activities.getClass().getInterfaces()) {
        if (type.isAnnotationPresent(ActivityInterface.class)) {
          interfaces.add(type);
        }
      }
    }
    return interfaces;
  }

  private static List<Object> concat(List<Object> a, List<Object> b) {
    List<Object> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** Heavy tensor work: training, embedding, gradients, inference. */
  private List<Object> gpuActivities() {
    return List.of(
        new ModelActivitiesImpl(store),
        new GradientActivitiesImpl(store),
        new AnchoringActivitiesImpl(store),
        new StitchingActivitiesImpl(store));
  }

  /** Light steps: data export, evaluation, metrics, run reports, sweep aggregation. */
  private List<Object> cpuActivities() {
    return List.of(
        new DataActivitiesImpl(store),
        new EvalActivitiesImpl(store),
        new FungiEvalActivitiesImpl(store),
        new CorruptionActivitiesImpl(store),
        new CollapseActivitiesImpl(store),
        new ImprintingActivitiesImpl(store),
        new ReportActivitiesImpl(store),
        new SweepActivitiesImpl(store));
  }
}
