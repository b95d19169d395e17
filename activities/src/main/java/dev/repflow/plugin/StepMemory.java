package dev.repflow.plugin;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches this process's resident memory (VmRSS, Linux) while repflow steps run and keeps, for each
 * finished step, the highest value seen while it ran: what a worker needs to be sized for.
 *
 * <p>Memory belongs to the process, not to a step: steps that run at the same time in one worker
 * each see the process's peak, so a step's figure is an upper bound on its own, and {@link
 * Peak#overlapping()} says how many other steps ran beside it at some point. A step that ran alone
 * has its own figure (plus the worker's baseline: JVM, libtorch). One instance per process ({@link
 * #ofThisProcess()}), since there is one resident set to watch; without {@code /proc} nothing is
 * recorded.
 */
public final class StepMemory extends WorkerInterceptorBase {
  private static final Logger log = LoggerFactory.getLogger(StepMemory.class);
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Duration SAMPLE_EVERY = Duration.ofMillis(200);
  private static final int KEEP = 1000;
  private static final StepMemory PROCESS = new StepMemory(StepMemory::residentBytes);

  /**
   * One finished step attempt.
   *
   * @param startRssBytes the process's resident set when the step started: with {@code
   *     peakRssBytes} it tells a step that needed memory from one that found it already taken (a
   *     JVM seldom gives memory back, so a late small step sees what earlier steps left)
   * @param peakRssBytes the process's largest resident set seen while the step ran
   * @param overlapping how many other steps ran in this process at some point during it
   */
  public record Peak(
      String workflowId,
      String activityType,
      String activityId,
      Duration duration,
      long startRssBytes,
      long peakRssBytes,
      int overlapping) {
    /** How far the process's resident set rose above its start while the step ran. */
    public long riseBytes() {
      return peakRssBytes - startRssBytes;
    }
  }

  /** Reads the current resident set in bytes, or -1 where it cannot be read. */
  interface ResidentSet {
    long bytes();
  }

  private final ResidentSet rss;
  private final Set<Watch> running = ConcurrentHashMap.newKeySet();
  private final Deque<Peak> finished = new ArrayDeque<>();
  private ScheduledExecutorService sampler; // started with the first step

  StepMemory(ResidentSet rss) {
    this.rss = rss;
  }

  /** The watcher of this process's resident memory. */
  public static StepMemory ofThisProcess() {
    return PROCESS;
  }

  /**
   * The steps of workflow {@code workflowId} and of its child workflows (a sweep's points, ids
   * {@code <workflowId>-...}) that finished in this process, in finishing order.
   */
  public synchronized List<Peak> peaks(String workflowId) {
    return finished.stream()
        .filter(
            p -> p.workflowId().equals(workflowId) || p.workflowId().startsWith(workflowId + "-"))
        .toList();
  }

  /** The step of {@code workflowId} with the largest peak, if any ran in this process. */
  public Optional<Peak> largest(String workflowId) {
    return peaks(workflowId).stream().max(Comparator.comparingLong(Peak::peakRssBytes));
  }

  /**
   * The step of {@code workflowId} during which the resident set rose most above where it started:
   * the step that needed the memory, where {@link #largest} may name a later one that merely ran on
   * top of what earlier steps left resident.
   */
  public Optional<Peak> mostAdded(String workflowId) {
    return peaks(workflowId).stream().max(Comparator.comparingLong(Peak::riseBytes));
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private ActivityInfo info;

      @Override
      public void init(ActivityExecutionContext context) {
        info = context.getInfo();
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        Watch watch = start();
        try {
          return super.execute(input);
        } finally {
          finish(watch, info);
        }
      }
    };
  }

  private Watch start() {
    Watch watch = new Watch(System.nanoTime(), rss.bytes());
    synchronized (this) {
      for (Watch other : running) {
        other.overlapping.incrementAndGet();
      }
      watch.overlapping.set(running.size());
      running.add(watch);
      if (sampler == null) {
        sampler =
            Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "repflow-step-memory");
                  t.setDaemon(true);
                  return t;
                });
        sampler.scheduleAtFixedRate(
            this::sample, 0, SAMPLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
    return watch;
  }

  private void finish(Watch watch, ActivityInfo info) {
    watch.see(rss.bytes());
    Peak peak;
    synchronized (this) {
      running.remove(watch);
      if (watch.peak.get() < 0) {
        return; // no /proc here
      }
      peak =
          new Peak(
              info.getWorkflowId(),
              info.getActivityType(),
              info.getActivityId(),
              Duration.ofNanos(System.nanoTime() - watch.startNanos),
              watch.startBytes,
              watch.peak.get(),
              watch.overlapping.get());
      finished.addLast(peak);
      if (finished.size() > KEEP) {
        finished.removeFirst();
      }
    }
    log.info(
        "step {} ({}) finished in {} s: process RSS {} MiB at its start, peak {} MiB while it ran,"
            + " {} other steps beside it",
        peak.activityType(),
        peak.activityId(),
        peak.duration().toMillis() / 1000.0,
        peak.startRssBytes() >> 20,
        peak.peakRssBytes() >> 20,
        peak.overlapping());
  }

  private void sample() {
    if (running.isEmpty()) {
      return;
    }
    long bytes = rss.bytes();
    for (Watch watch : running) {
      watch.see(bytes);
    }
  }

  /** VmRSS of this process from {@code /proc/self/status}, -1 where there is none. */
  static long residentBytes() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or /proc not mounted: nothing to record
    }
    return -1;
  }

  /** One running step: its start and the largest resident set seen so far. */
  private static final class Watch {
    final long startNanos;
    final long startBytes;
    final AtomicLong peak;
    final AtomicInteger overlapping = new AtomicInteger();

    Watch(long startNanos, long startBytes) {
      this.startNanos = startNanos;
      this.startBytes = startBytes;
      this.peak = new AtomicLong(startBytes);
    }

    void see(long bytes) {
      peak.accumulateAndGet(bytes, Math::max);
    }
  }
}
