package dev.repflow.transfer;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.StepResult;
import dev.repflow.data.DatasetSpec;
import dev.repflow.eval.KnnResult;
import dev.repflow.models.ModelSpec;
import dev.repflow.models.PretrainSpec;
import dev.repflow.models.TrainedBackbone;
import java.util.List;

/** Small specs and step results for workflow tests. */
final class TransferEvalFixtures {
  private TransferEvalFixtures() {}

  static TransferEvalSpec spec(boolean pixels) {
    return new TransferEvalSpec(
        TransferEvalSpec.PIPELINE,
        "unit",
        DatasetSpec.fashionMnist("/data/fmnist", 50, 20),
        new ModelSpec("cnn", 8, 16),
        new PretrainSpec(List.of(0, 1, 2, 3, 4), 1, 32, 0.001, 7),
        new TransferEvalSpec.Evaluate(List.of(5, 6, 7, 8, 9), 20, pixels),
        true);
  }

  static ArtifactRef ref(String name, long rows, long cols, String format) {
    String sha = String.format("%064x", Math.abs((long) name.hashCode()));
    return new ArtifactRef("s3://repflow/unit/" + name, sha, 1000, List.of(rows, cols), format);
  }

  static StepResult features(String name, long rows, long cols, boolean cached) {
    return new StepResult(ref(name + ".h5", rows, cols, "hdf5"), cached);
  }

  static TrainedBackbone backbone(boolean cached) {
    return new TrainedBackbone(
        ref("pretrain/ckpt.params", 0, 0, "params"),
        new ModelSpec("cnn", 8, 16),
        5,
        0.9,
        0.3,
        cached,
        null);
  }

  static KnnResult knn(String name, boolean cached) {
    return new KnnResult(
        name, ref("knn/" + name + ".json", 0, 0, "json"), 20, 100, 16, 0.8, 0.79, cached);
  }
}
