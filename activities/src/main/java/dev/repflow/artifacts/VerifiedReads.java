package dev.repflow.artifacts;

import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an artifact until its bytes verify, telling a failed transfer from a damaged object.
 *
 * <p>The S3 client retries requests that fail before a response arrives, but not a body that breaks
 * off (a reset connection, a truncated or stalled body) after the response started. Those are
 * retried here. A body that ends normally but does not match its reference is read once more: the
 * same wrong bytes twice are what the store holds ({@link ArtifactIntegrityException}); anything
 * else was damage in transit.
 */
final class VerifiedReads {
  private static final Logger log = LoggerFactory.getLogger(VerifiedReads.class);

  /** Reads of one artifact before giving up; the activity's own retries come on top. */
  static final int ATTEMPTS = 4;

  private static final long FIRST_PAUSE_MILLIS = 100;

  private VerifiedReads() {}

  /** Opens a fresh stream of the object's bytes (one request). */
  @FunctionalInterface
  interface Opener {
    InputStream open();
  }

  /** Consumes the stream with {@link VerifiedDownload}. */
  @FunctionalInterface
  interface Reader<T> {
    T read(InputStream in) throws IOException;
  }

  /**
   * @throws ArtifactIntegrityException when two complete reads in a row return the same wrong bytes
   * @throws ArtifactStoreException when every attempt failed in transit
   */
  static <T> T read(ArtifactRef ref, Opener opener, Reader<T> reader) {
    ArtifactIntegrityException previousMismatch = null;
    Exception last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (attempt > 1) {
        log.warn("read {} of {} failed ({}); reading it again", attempt - 1, ref.uri(), last);
        pause(attempt);
      }
      try (InputStream in = opener.open()) {
        return reader.read(in);
      } catch (ArtifactIntegrityException e) {
        if (previousMismatch != null && previousMismatch.actualSha256().equals(e.actualSha256())) {
          throw e;
        }
        previousMismatch = e;
        last = e;
        continue;
      } catch (IOException e) {
        last = e;
      }
      previousMismatch = null;
    }
    throw new ArtifactStoreException(
        "reading " + ref.uri() + " failed " + ATTEMPTS + " times, last: " + last, last);
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(FIRST_PAUSE_MILLIS << (attempt - 2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ArtifactStoreException("interrupted while reading an artifact again", e);
    }
  }
}
