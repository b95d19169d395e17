package dev.repflow.worker.cli;

import dev.repflow.artifacts.S3ArtifactStore;
import dev.repflow.artifacts.S3Settings;
import dev.repflow.worker.runtime.EmbeddedS3;

/**
 * The artifact store the S3 options name: a real endpoint (credentials from the AWS chain), or,
 * without one, the embedded S3 over {@code --data-dir} started in this process. Closing stops what
 * it started.
 */
final class StoreAccess implements AutoCloseable {
  private final EmbeddedS3 embedded;
  private final S3ArtifactStore store;

  private StoreAccess(EmbeddedS3 embedded, S3ArtifactStore store) {
    this.embedded = embedded;
    this.store = store;
  }

  /**
   * Opens the store and checks it answers.
   *
   * @param embedUnset start the embedded S3 when no endpoint is given; otherwise AWS S3 in the
   *     configured region
   */
  static StoreAccess open(S3Options s3, boolean embedUnset) {
    EmbeddedS3 server = null;
    S3Settings settings;
    if (s3.embedded() && embedUnset) {
      server = EmbeddedS3.start(0, s3.embeddedS3Dir());
      server.createBucket(s3.bucket());
      settings =
          S3Settings.of(server.endpoint(), s3.region().id(), s3.bucket(), true)
              .withCredentials(server.accessKey(), server.secretKey());
    } else {
      // Credentials come from the standard AWS chain (env, profile, instance role).
      settings = S3Settings.of(s3.endpoint().orElse(null), s3.region().id(), s3.bucket(), true);
    }
    S3ArtifactStore store = null;
    try {
      store = S3ArtifactStore.connect(settings);
      store.checkReachable();
      return new StoreAccess(server, store);
    } catch (RuntimeException e) {
      if (store != null) {
        store.close();
      }
      if (server != null) {
        server.close();
      }
      throw e;
    }
  }

  S3ArtifactStore store() {
    return store;
  }

  @Override
  public void close() {
    try {
      store.close();
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }
}
