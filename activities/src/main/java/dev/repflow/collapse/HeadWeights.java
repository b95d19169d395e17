package dev.repflow.collapse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.repflow.data.ImageShape;
import dev.repflow.models.Checkpoints;
import dev.repflow.models.Classifier;
import dev.repflow.models.ModelSpec;
import java.nio.file.Path;
import java.util.List;

/** The linear head of a trained backbone checkpoint as NC classifier weights. */
final class HeadWeights {
  private HeadWeights() {}

  /**
   * Reads the head's weight {@code [C, E]} and bias {@code [C]} (the last two parameters of the
   * network: backbone first, then {@code Linear(C)}).
   *
   * @param classes the sorted class ids the head was trained on (its output order)
   */
  static ProbeWeights read(
      Path checkpoint,
      ModelSpec spec,
      int numClasses,
      ImageShape input,
      List<Integer> classes,
      double accuracy) {
    try (NDManager manager = NDManager.newBaseManager()) {
      Classifier model = Checkpoints.load(checkpoint, spec, numClasses, input, manager);
      List<Parameter> params = model.parameters();
      NDArray w = params.get(params.size() - 2).getArray();
      NDArray b = params.get(params.size() - 1).getArray();
      long dim = spec.embeddingDim();
      if (!w.getShape().equals(new ai.djl.ndarray.types.Shape(numClasses, dim))
          || b.getShape().size() != numClasses) {
        throw new IllegalArgumentException(
            checkpoint
                + ": head is "
                + w.getShape()
                + " + "
                + b.getShape()
                + ", expected ("
                + numClasses
                + ", "
                + dim
                + ")");
      }
      float[] flat = w.toFloatArray();
      float[] bias = b.toFloatArray();
      double[][] weights = new double[numClasses][(int) dim];
      double[] biasOut = new double[numClasses];
      for (int c = 0; c < numClasses; c++) {
        biasOut[c] = bias[c];
        for (int d = 0; d < dim; d++) {
          weights[c][d] = flat[c * (int) dim + d];
        }
      }
      return new ProbeWeights(classes, weights, biasOut, accuracy);
    }
  }
}
