package dev.repflow.models;

import dev.repflow.common.StepProgress;
import dev.repflow.data.ReadProgress;
import dev.repflow.steps.ProgressReporter;
import java.util.Locale;

/** Reports image decoding as the running activity's heartbeat: "reading 1200/5000, 340 img/s". */
public final class ReadHeartbeats {
  private ReadHeartbeats() {}

  /** A {@link ReadProgress} that heartbeats as step {@code step}. */
  public static ReadProgress of(String step) {
    ProgressReporter reporter = ProgressReporter.forCurrentActivity();
    return (done, total, rate) ->
        reporter.report(
            StepProgress.of(
                step,
                "image",
                done,
                total,
                String.format(
                    Locale.ROOT, "reading images %d/%d, %.0f images/s", done, total, rate)));
  }
}
