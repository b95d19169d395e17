package dev.repflow.stitching;

import dev.repflow.artifacts.RunContext;
import dev.repflow.steps.CachedSteps;
import dev.repflow.steps.StepFailures;
import dev.repflow.steps.StepKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Steps whose output is their result record as a JSON report, reused under its content address. */
final class ReportCache {
  private static final Logger log = LoggerFactory.getLogger(ReportCache.class);

  private final CachedSteps steps;

  ReportCache(CachedSteps steps) {
    this.steps = steps;
  }

  /** Reuse a step's JSON report, or compute the result, store it as the report, and return it. */
  <T> T cached(
      RunContext run,
      String step,
      StepKey key,
      Class<T> type,
      CachedSteps.Finish<T, T> withReport,
      CachedSteps.Compute<T> compute) {
    return StepFailures.guard(
        step,
        () ->
            steps.json(
                run,
                key.key(),
                type,
                () -> {
                  long begin = System.nanoTime();
                  T result = compute.get();
                  log.info("{} took {} ms", step, (System.nanoTime() - begin) / 1_000_000);
                  return result;
                },
                withReport));
  }
}
