package dev.repflow.models;

import dev.repflow.artifacts.Sha256;
import dev.repflow.data.Datasets;
import dev.repflow.data.Split;
import dev.repflow.numerics.CpuNumerics;
import dev.repflow.numerics.NumericsProfile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Trains the small CNN for two epochs and embeds held-out images, then prints the sha256 of the
 * checkpoint and of the embeddings: the bits a run's artifacts are made of. Run in a fresh JVM by
 * {@link PortableNumericsTest}, with the environment of the CPU it imitates.
 */
public final class TrainingFingerprint {
  private TrainingFingerprint() {}

  public static void main(String[] args) throws Exception {
    NumericsProfile profile = CpuNumerics.pin(NumericsProfile.fromEnvironment());
    TrainingOutcome outcome =
        new BackboneTrainer()
            .train(
                Fixtures.train(Fixtures.SEEN),
                Fixtures.SEEN,
                Fixtures.SMALL,
                Fixtures.trainSpec(2),
                null,
                TrainingListener.none());
    Path checkpoint = outcome.checkpoint();
    float[][] embeddings =
        Fixtures.embed(
            Datasets.open(Fixtures.TEST, Split.TEST, Fixtures.UNSEEN),
            checkpoint,
            Fixtures.SMALL,
            5,
            32,
            (b, n, rate) -> {});
    System.out.printf(
        "numerics=%s checkpoint=%s embeddings=%s%n",
        profile.tag(), Sha256.of(Files.readAllBytes(checkpoint)), Sha256.of(bytes(embeddings)));
    Files.delete(checkpoint);
  }

  private static byte[] bytes(float[][] rows) {
    ByteBuffer buffer = ByteBuffer.allocate(rows.length * rows[0].length * Float.BYTES);
    for (float[] row : rows) {
      for (float v : row) {
        buffer.putFloat(v);
      }
    }
    return buffer.array();
  }
}
