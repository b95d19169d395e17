package dev.repflow.fungi;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.repflow.data.ImageSet;
import dev.repflow.data.Split;
import dev.repflow.models.Classifier;
import dev.repflow.models.GradMode;
import dev.repflow.models.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * docs/benchmarks.md: batched per-sample gradients vs a per-sample backward loop (throughput), in
 * one run on one machine. Projection schemes: {@link ProjectionBenchmarkTest}.
 *
 * <p>Run: {@code mvn -B -o -pl activities -am test -Dtest=FungiBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.excludedGroups= -Dgroups=benchmark}
 */
@Tag("benchmark")
class FungiBenchmarkTest {
  private static final ModelSpec MODEL = new ModelSpec("cnn", 32, 128);

  private static final int BATCH = 64;

  @Test
  void throughput() throws Exception {
    Path weights = BenchmarkSupport.pretrain(MODEL);
    ImageSet test = BenchmarkSupport.unseen(Split.TEST, 100);
    List<String> report = new ArrayList<>(BenchmarkSupport.header());
    try {
      for (ObjectiveSpec objective :
          List.<ObjectiveSpec>of(KlObjectiveSpec.defaults(), DinoObjectiveSpec.defaults())) {
        report.add(throughput(weights, objective, test));
      }
    } finally {
      Files.deleteIfExists(weights);
    }
    BenchmarkSupport.write("fungi-benchmark.txt", report);
  }

  private static ProjectionPlan plan(String scheme) {
    return ProjectionPlan.of(new ProjectionSpec(scheme, 128, 42L), "fc", 128, 49 * 64 + 1);
  }

  private static Classifier load(Path weights, NDManager m) {
    return BenchmarkSupport.load(weights, MODEL, m);
  }

  private static String throughput(Path weights, ObjectiveSpec spec, ImageSet images) {
    int n = 256;
    long batched;
    long loop;
    int views;
    try (NDManager base = NDManager.newBaseManager()) {
      GradMode.offOnThisThread();
      Classifier model = load(weights, base);
      LayerCut cut = LayerCut.of(model, "fc");
      Objective objective = Objectives.create(base, spec, 128, cut, images);
      views = objective.count();
      GradientExtractor extractor = new GradientExtractor(base, cut, objective);
      try (GradientProjector projector = new GradientProjector(base, plan("dense"))) {
        runBatched(extractor, projector, base, images, BATCH); // warm-up
        long t0 = System.nanoTime();
        runBatched(extractor, projector, base, images, n);
        batched = System.nanoTime() - t0;
        NDArray matrix = RandomProjection.dense(base, projector.plan());
        runLoop(matrix, cut, objective, base, images, 8); // warm-up
        long t1 = System.nanoTime();
        runLoop(matrix, cut, objective, base, images, n);
        loop = System.nanoTime() - t1;
      }
    }
    double fast = n / (batched / 1e9);
    double slow = n / (loop / 1e9);
    return String.format(
        Locale.ROOT,
        "%s (%d views): batched outer-product %.1f images/s, per-sample backward loop %.1f"
            + " images/s, speed-up %.2fx",
        spec.name(),
        views,
        fast,
        slow,
        fast / slow);
  }

  private static void runBatched(
      GradientExtractor extractor,
      GradientProjector projector,
      NDManager base,
      ImageSet images,
      int n) {
    for (int from = 0; from < n; from += BATCH) {
      try (NDManager batch = base.newSubManager()) {
        NDList parts = extractor.upstream(batch, images, from, Math.min(n, from + BATCH));
        projector.project(parts.get(0), parts.get(1)).toFloatArray();
      }
    }
  }

  /** The baseline: one forward and backward pass per sample, autograd on W and b directly. */
  private static void runLoop(
      NDArray matrix, LayerCut cut, Objective objective, NDManager base, ImageSet images, int n) {
    var params = cut.parameters();
    ParameterStore store = new ParameterStore(base, false);
    for (int i = 0; i < n; i++) {
      try (NDManager m = base.newSubManager()) {
        NDArray x = GradientExtractor.viewImages(m, objective, images, i, i + 1);
        NDList front = cut.front(store, x);
        NDArray h = front.get(0);
        NDArray w = params.get("weight").getArray().duplicate();
        NDArray b = params.get("bias").getArray().duplicate();
        w.tempAttach(m);
        b.tempAttach(m);
        w.setRequiresGradient(true);
        b.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          NDArray e = cut.tail(store, h.matMul(w.transpose()).add(b), front);
          collector.backward(objective.loss(e.reshape(1, objective.count(), -1)).sum());
        }
        NDArray g = w.getGradient().concat(b.getGradient().reshape(-1, 1), 1).reshape(1, -1);
        g.matMul(matrix).toFloatArray();
      }
    }
  }
}
