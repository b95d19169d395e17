package dev.repflow.anchoring;

import static dev.repflow.testing.PythonReference.literal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.repflow.data.ImageSet;
import dev.repflow.testing.PythonReference;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Anchored inputs and multi-anchor inference against torch (Debian's {@code /usr/bin/python3},
 * torch 1.13, torchvision) on the same tensors, computed from the method's definition: input {@code
 * cat([reference, x - anchor], 1)} with the reference masked by torchvision's {@code CenterCrop(0)}
 * + {@code Pad} (an all-zero image, as LLNL/anchoring builds its mask), and one anchor set shared
 * by every image with the logits averaged over anchors.
 */
class AnchorReferenceTest {
  private static final int H = 4;
  private static final int W = 4;
  private static final int CLASSES = 3;

  private static ImageSet images(int n, long seed) {
    Random random = new Random(seed);
    float[] pixels = new float[n * H * W];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (float) random.nextGaussian();
    }
    return ImageSet.gray(
        pixels, H, W, new int[n], IntStream.range(0, n).toArray()); // labels unused here
  }

  private static String tensors(ImageSet x, ImageSet pool) {
    return String.format(
        "import torch, torchvision.transforms as T%n"
            + "X = torch.tensor(np.array(%s, dtype=np.float32)).reshape(-1, 1, %d, %d)%n"
            + "P = torch.tensor(np.array(%s, dtype=np.float32)).reshape(-1, 1, %d, %d)%n",
        literal(x.pixels()), H, W, literal(pool.pixels()), H, W);
  }

  @Test
  void anchoredBatchMatchesTorchMaskedAndUnmasked() {
    ImageSet x = images(3, 1);
    ImageSet pool = images(5, 2);
    int[] rows = {2, 0, 1};
    int[] anchors = {4, 4, 0};
    float[] plain = AnchorInputs.anchoredPixels(x, rows, pool, anchors, false);
    float[] masked = AnchorInputs.anchoredPixels(x, rows, pool, anchors, true);

    double[] reference =
        PythonReference.run(
            tensors(x, pool)
                + String.format(
                    "A = P[%s]%nxs = X[%s]%n"
                        + "mask = T.Compose([T.CenterCrop(0), T.Pad(%d)])%n"
                        + "for refs in (A, mask(A)):%n"
                        + "    assert refs.shape == A.shape%n"
                        + "    for v in torch.cat([refs, xs - A], 1).flatten().tolist(): print(v)%n",
                    literal(anchors), literal(rows), H / 2));

    float[] both = Arrays.copyOf(plain, plain.length * 2);
    System.arraycopy(masked, 0, both, plain.length, masked.length);
    assertArrayEquals(reference, toDouble(both), 1e-6);
  }

  @Test
  void multiAnchorPredictionMatchesTorchForBothAverages() {
    ImageSet x = images(5, 3);
    ImageSet pool = images(7, 4);
    float[] weights = new float[2 * H * W * CLASSES];
    Random random = new Random(5);
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (float) (random.nextGaussian() * 0.5);
    }
    // Batches of 2 over 5 images: the shared anchors must not change from batch to batch.
    var logitsMean = new AnchorPredictor(3, 11, 2, true);
    var softmaxMean = new AnchorPredictor(3, 11, 2, false);
    int[] shared = logitsMean.sharedAnchors(pool.size());
    assertEquals(3, Arrays.stream(shared).distinct().count(), Arrays.toString(shared));

    Prediction byLogits;
    Prediction bySoftmax;
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray w = manager.create(weights, new Shape(2 * H * W, CLASSES));
      AnchorPredictor.Network linear = in -> in.reshape(in.getShape().get(0), -1).matMul(w);
      byLogits = logitsMean.predict(linear, true, x, pool, manager, (b, n) -> {});
      bySoftmax = softmaxMean.predict(linear, true, x, pool, manager, (b, n) -> {});
    }

    double[] reference =
        PythonReference.run(
            tensors(x, pool)
                + String.format(
                    "W = torch.tensor(np.array(%s, dtype=np.float32)).reshape(%d, %d)%n"
                        + "idx = %s%n"
                        + "n, N = len(idx), X.shape[0]%n"
                        // anchor-major: block j holds every image with anchor idx[j]
                        + "A = torch.repeat_interleave(P[idx], N, dim=0)%n"
                        + "batch = torch.cat([A, X.repeat(n, 1, 1, 1) - A], 1)%n"
                        + "p = (batch.reshape(n * N, -1) @ W).reshape(n, N, -1)%n"
                        + "out = [p.mean(0).softmax(1), p.softmax(2).mean(0),"
                        + " p.sigmoid().std(0).mean(1, keepdim=True)]%n"
                        + "for v in torch.cat(out, 1).flatten().tolist(): print(v)%n",
                    literal(weights), 2 * H * W, CLASSES, literal(shared)));

    int stride = 2 * CLASSES + 1;
    for (int i = 0; i < x.size(); i++) {
      double[] row = Arrays.copyOfRange(reference, i * stride, (i + 1) * stride);
      assertArrayEquals(
          Arrays.copyOfRange(row, 0, CLASSES), toDouble(byLogits.probabilities()[i]), 1e-5);
      assertArrayEquals(
          Arrays.copyOfRange(row, CLASSES, 2 * CLASSES),
          toDouble(bySoftmax.probabilities()[i]),
          1e-5);
      assertEquals(row[2 * CLASSES], byLogits.uncertainty()[i], 1e-5);
      assertEquals(row[2 * CLASSES], bySoftmax.uncertainty()[i], 1e-5);
    }
  }

  @Test
  void sharedAnchorsAreDistinctAndLimitedByThePool() {
    assertEquals(
        Arrays.toString(new AnchorPredictor(4, 9, 10, true).sharedAnchors(50)),
        Arrays.toString(new AnchorPredictor(4, 9, 99, false).sharedAnchors(50)));
    var tooMany =
        assertThrows(
            IllegalArgumentException.class,
            () -> new AnchorPredictor(8, 9, 10, true).sharedAnchors(5));
    assertEquals(
        "inference.anchors: 8 anchors requested, but there are only 5 training images to draw"
            + " them from",
        tooMany.getMessage());
  }

  private static double[] toDouble(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }
}
