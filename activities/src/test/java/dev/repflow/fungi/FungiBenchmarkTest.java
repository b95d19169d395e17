package dev.repflow.fungi;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.FashionMnist;
import dev.repflow.data.ImageSet;
import dev.repflow.data.Split;
import dev.repflow.eval.ClassificationMetrics;
import dev.repflow.eval.KnnClassifier;
import dev.repflow.models.BackboneTrainer;
import dev.repflow.models.BatchListener;
import dev.repflow.models.Checkpoints;
import dev.repflow.models.Classifier;
import dev.repflow.models.GradMode;
import dev.repflow.models.ModelSpec;
import dev.repflow.models.TrainSpec;
import dev.repflow.models.TrainingListener;
import dev.repflow.models.TrainingOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * docs/benchmarks.md: batched per-sample gradients vs a per-sample backward loop (throughput), and
 * kronecker vs dense projection (time, peak memory, kNN accuracy), in one run on one machine.
 *
 * <p>Run: {@code mvn -B -o -pl activities -am test -Dtest=FungiBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.excludedGroups= -Dgroups=benchmark}
 */
@Tag("benchmark")
class FungiBenchmarkTest {
  private static final Logger log = LoggerFactory.getLogger(FungiBenchmarkTest.class);
  private static final ModelSpec MODEL = new ModelSpec("cnn", 32, 128);
  private static final List<Integer> SEEN = List.of(0, 1, 2, 3, 4);
  private static final List<Integer> UNSEEN = List.of(5, 6, 7, 8, 9);
  private static final int BATCH = 64;

  @Test
  void throughputAndProjectionSchemes() throws Exception {
    DatasetSpec data = new DatasetSpec(null, null, 400, 100);
    ImageSet pretrain = FashionMnist.load(data, Split.TRAIN, SEEN);
    TrainingOutcome trained =
        new BackboneTrainer()
            .train(
                pretrain,
                SEEN,
                MODEL,
                new TrainSpec(1, 128, 1e-3, 42),
                null,
                TrainingListener.none());
    Path weights = trained.checkpoint();
    ImageSet train = FashionMnist.load(data, Split.TRAIN, UNSEEN);
    ImageSet test = FashionMnist.load(data, Split.TEST, UNSEEN);
    List<String> report = new ArrayList<>();
    try {
      report.add(
          String.format(
              Locale.ROOT,
              "hardware: %d cores visible to the JVM",
              Runtime.getRuntime().availableProcessors()));
      for (ObjectiveSpec objective :
          List.<ObjectiveSpec>of(KlObjectiveSpec.defaults(), DinoObjectiveSpec.defaults())) {
        report.add(throughput(weights, objective, test));
      }
      for (String scheme : List.of(ProjectionSpec.KRONECKER, ProjectionSpec.DENSE)) {
        report.add(scheme(weights, scheme, train, test));
      }
    } finally {
      Files.deleteIfExists(weights);
    }
    report.forEach(line -> log.info("BENCHMARK {}", line));
    Files.write(Path.of("target", "fungi-benchmark.txt"), report);
  }

  private static ProjectionPlan plan(String scheme) {
    return ProjectionPlan.of(new ProjectionSpec(scheme, 128, 42L), "fc", 128, 49 * 64 + 1);
  }

  private static Classifier load(Path weights, NDManager m) {
    return Checkpoints.load(weights, MODEL, SEEN.size(), m);
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

  private static String scheme(Path weights, String scheme, ImageSet train, ImageSet test)
      throws Exception {
    ProjectionPlan plan = plan(scheme);
    resetPeakRss();
    long t0 = System.nanoTime();
    float[][] trainGrads = features(weights, plan, train, train);
    float[][] testGrads = features(weights, plan, test, train);
    double seconds = (System.nanoTime() - t0) / 1e9;
    long peakKb = peakRssKb();
    float[][] trainEmb = embed(weights, train);
    float[][] testEmb = embed(weights, test);
    double alone = knn(List.<float[][]>of(trainGrads), train, List.<float[][]>of(testGrads), test);
    double withEmb = knn(List.of(trainEmb, trainGrads), train, List.of(testEmb, testGrads), test);
    double embOnly = knn(List.<float[][]>of(trainEmb), train, List.<float[][]>of(testEmb), test);
    return String.format(
        Locale.ROOT,
        "%s projection (KL, %d train + %d test images, P=%d): %.1f s, peak RSS %.0f MiB;"
            + " kNN acc: kl alone %.4f, embeddings+kl %.4f (embeddings alone %.4f)",
        scheme,
        train.size(),
        test.size(),
        plan.dim(),
        seconds,
        peakKb / 1024.0,
        alone,
        withEmb,
        embOnly);
  }

  private static float[][] features(
      Path weights, ProjectionPlan plan, ImageSet images, ImageSet pool) {
    return GradientFeatures.compute(
        m -> LayerCut.of(load(weights, m), "fc"),
        plan,
        KlObjectiveSpec.defaults(),
        images,
        pool,
        BATCH,
        BatchListener.none());
  }

  private static float[][] embed(Path weights, ImageSet images) {
    return new dev.repflow.models.Embedder()
        .embed(images, weights, MODEL, SEEN.size(), 256, BatchListener.none());
  }

  private static double knn(
      List<float[][]> trainBlocks, ImageSet train, List<float[][]> testBlocks, ImageSet test) {
    long[] trainLabels = Arrays.stream(train.labels()).asLongStream().toArray();
    long[] testLabels = Arrays.stream(test.labels()).asLongStream().toArray();
    try (NDManager m = NDManager.newBaseManager()) {
      long[] predicted =
          new KnnClassifier(m, 20)
              .predict(
                  FeatureBlocks.concat(trainBlocks),
                  trainLabels,
                  FeatureBlocks.concat(testBlocks),
                  done -> {});
      return ClassificationMetrics.of(predicted, testLabels).accuracy();
    }
  }

  /** Resets VmHWM to the current RSS (Linux clear_refs 5), so the next peak is this scheme's. */
  private static void resetPeakRss() throws Exception {
    System.gc();
    Files.writeString(Path.of("/proc/self/clear_refs"), "5");
  }

  /** The process's peak resident set (VmHWM), in KiB. */
  private static long peakRssKb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
