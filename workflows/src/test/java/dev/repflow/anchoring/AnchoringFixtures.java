package dev.repflow.anchoring;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.data.DatasetSpec;
import dev.repflow.models.ModelSpec;
import java.util.List;

/** A small spec and mocked steps for workflow tests. */
final class AnchoringFixtures {
  static final ModelSpec MODEL = new ModelSpec("cnn", 8, 16);
  static final AnchoringSpec SPEC =
      new AnchoringSpec(
          null,
          "unit",
          DatasetSpec.fashionMnist("/data/fmnist", 50, 20),
          MODEL,
          new AnchorTraining(2, 32, null, null, null, 7, List.of(0.0, 0.25), true),
          new CorruptionSpec(List.of("fog", "contrast"), List.of(1, 5), 3L, null),
          new InferenceSpec(2, null, null, 0, 0),
          true);

  private AnchoringFixtures() {}

  static ArtifactRef ref(String name) {
    String sha = String.format("%064x", Math.abs((long) name.hashCode()));
    return new ArtifactRef("s3://repflow/unit/" + name, sha, 10, List.of(), "json");
  }

  /** Answers every step with a plausible result built from its arguments. */
  static void stub(AnchoringActivities gpu, CorruptionActivities cpu) {
    when(gpu.train(any(), any(), any(), any(), any()))
        .thenAnswer(
            call -> {
              ModelVariant v = call.getArgument(4);
              return new AnchoredModel(
                  v, MODEL, 10, ref(v.name()), 2, 0.9, 0.3, false, DatasetSpec.FASHION_MNIST_SHAPE);
            });
    when(cpu.corrupt(any(), any(), anyString(), any()))
        .thenAnswer(
            call -> {
              String name = call.getArgument(2);
              List<Integer> sev = name.equals(CorruptedSet.CLEAN) ? List.of(0) : List.of(1, 5);
              return new CorruptedSet(name, ref(name + ".h5"), sev, false);
            });
    when(gpu.infer(any(), any(), any(), any(), any()))
        .thenAnswer(
            call -> {
              AnchoredModel m = call.getArgument(2);
              CorruptedSet set = call.getArgument(3);
              var metrics =
                  set.severities().stream()
                      .map(s -> new SeverityMetrics(s, 10, 0.5, 0.1, 20, 1.0, 0.0))
                      .toList();
              return new CorruptionMetrics(
                  m.variant().name(), set.corruption(), metrics, ref("p"), false);
            });
    when(cpu.report(any(), anyList()))
        .thenReturn(
            new AnchoringReport(
                ref("t.json"),
                ref("p.svg"),
                List.of(new SummaryRow("standard", 0, 1, 0.5, 0.1, 20, 1.0, 0.0)),
                false));
  }
}
