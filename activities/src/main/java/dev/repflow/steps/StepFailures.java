package dev.repflow.steps;

import dev.repflow.artifacts.ArtifactFormatException;
import dev.repflow.artifacts.ArtifactIntegrityException;
import dev.repflow.artifacts.ArtifactNotFoundException;
import dev.repflow.common.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.util.concurrent.Callable;

/**
 * Runs an activity body and classifies what it throws.
 *
 * <p>Bad input ({@link IllegalArgumentException}, unreadable files) and corrupt or missing
 * artifacts cannot be fixed by a retry, so they become non-retryable failures whose message names
 * the problem; anything else (I/O, S3 5xx, a crashed native call) propagates and is retried with
 * backoff.
 */
public final class StepFailures {
  private StepFailures() {}

  public static <T> T guard(String step, Callable<T> body) {
    try {
      return body.call();
    } catch (IllegalArgumentException | ArtifactFormatException e) {
      throw ApplicationFailure.newNonRetryableFailureWithCause(
          step + ": " + e.getMessage(), FailureTypes.INVALID_INPUT, e);
    } catch (ArtifactIntegrityException | ArtifactNotFoundException e) {
      throw ApplicationFailure.newNonRetryableFailureWithCause(
          step + ": " + e.getMessage(), FailureTypes.ARTIFACT_INTEGRITY, e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new StepException(step + " failed: " + e.getMessage(), e);
    }
  }

  /** A checked exception from a step body, rethrown unchecked so Temporal retries it. */
  public static final class StepException extends RuntimeException {
    StepException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
