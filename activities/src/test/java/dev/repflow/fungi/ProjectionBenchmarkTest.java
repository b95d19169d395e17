package dev.repflow.fungi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.repflow.data.ImageSet;
import dev.repflow.data.ImageSource;
import dev.repflow.data.ReadProgress;
import dev.repflow.data.Split;
import dev.repflow.models.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * docs/benchmarks.md, projection schemes: kNN accuracy of every scheme for several seeds on the
 * committed FUNGI configs' layers (one extraction, every projection of the same gradients), then
 * time and memory of each scheme at ViT-B/16's attention projection (768 x 769, P = 768).
 *
 * <p>Run: {@code mvn -B -o -pl activities -am test -Dtest=ProjectionBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.excludedGroups= -Dgroups=benchmark}; {@code
 * -Dbench.seeds=N} projects with seeds 42 .. 41 + N (default 3), {@code -Dbench.schemes=a,b} limits
 * the schemes (default all).
 */
@Tag("benchmark")
class ProjectionBenchmarkTest {
  private static final List<String> SCHEMES =
      List.of(
          System.getProperty("bench.schemes", String.join(",", ProjectionSpec.SCHEMES)).split(","));
  private static final List<Long> SEEDS =
      LongStream.range(42, 42 + Integer.getInteger("bench.seeds", 3)).boxed().toList();

  @Test
  void accuracyOverSeeds() throws Exception {
    List<String> report = new ArrayList<>(BenchmarkSupport.header());
    ImageSource train = BenchmarkSupport.unseenSource(Split.TRAIN, 400);
    ImageSource test = BenchmarkSupport.unseenSource(Split.TEST, 100);
    accuracy(report, new ModelSpec("cnn", 32, 128), "fc", train, test);
    accuracy(report, new ModelSpec("vit", 128, 64), "block2.attn.proj", train, test);
    BenchmarkSupport.write("projection-accuracy-benchmark.txt", report);
  }

  @Test
  void vitBaseLayer() throws Exception {
    List<String> report = new ArrayList<>(BenchmarkSupport.header());
    for (int rows : new int[] {1, 197}) {
      for (String scheme : SCHEMES) {
        report.add(vitBase(scheme, rows));
      }
    }
    BenchmarkSupport.write("projection-size-benchmark.txt", report);
  }

  private static void accuracy(
      List<String> report,
      ModelSpec model,
      String layer,
      ImageSource trainSource,
      ImageSource testSource)
      throws Exception {
    Path weights = BenchmarkSupport.pretrain(model);
    ImageSet train = trainSource.loadAll("benchmark", ReadProgress.none());
    ImageSet test = testSource.loadAll("benchmark", ReadProgress.none());
    try {
      float[][] trainEmb = BenchmarkSupport.embed(weights, model, trainSource);
      float[][] testEmb = BenchmarkSupport.embed(weights, model, testSource);
      report.add(
          String.format(
              Locale.ROOT,
              "%s %s: embeddings alone kNN %.4f (%d train, %d test)",
              model.arch(),
              layer,
              BenchmarkSupport.knn(
                  List.<float[][]>of(trainEmb), train, List.<float[][]>of(testEmb), test),
              train.size(),
              test.size()));
      for (ObjectiveSpec objective :
          List.<ObjectiveSpec>of(KlObjectiveSpec.defaults(), DinoObjectiveSpec.defaults())) {
        Map<String, ProjectionPlan> plans = plans(model, layer, weights);
        var trainF = BenchmarkSupport.gradients(weights, model, objective, train, train, plans);
        var testF = BenchmarkSupport.gradients(weights, model, objective, test, train, plans);
        for (String scheme : SCHEMES) {
          double[] alone = new double[SEEDS.size()];
          double[] withEmb = new double[SEEDS.size()];
          double seconds = 0;
          for (int s = 0; s < SEEDS.size(); s++) {
            String key = scheme + "/" + SEEDS.get(s);
            float[][] a = trainF.get(key).rows();
            float[][] b = testF.get(key).rows();
            alone[s] =
                BenchmarkSupport.knn(List.<float[][]>of(a), train, List.<float[][]>of(b), test);
            withEmb[s] =
                BenchmarkSupport.knn(List.of(trainEmb, a), train, List.of(testEmb, b), test);
            seconds += trainF.get(key).seconds() + testF.get(key).seconds();
          }
          report.add(
              String.format(
                  Locale.ROOT,
                  "%s %s %s P=%d %s: kNN gradients alone %s mean %.4f; embeddings+gradients %s"
                      + " mean %.4f; projection time %.2f s per seed",
                  model.arch(),
                  layer,
                  objective.name(),
                  model.embeddingDim(),
                  scheme,
                  Arrays.toString(alone),
                  Arrays.stream(alone).average().orElse(0),
                  Arrays.toString(withEmb),
                  Arrays.stream(withEmb).average().orElse(0),
                  seconds / SEEDS.size()));
        }
      }
    } finally {
      Files.deleteIfExists(weights);
    }
  }

  /** Every scheme x seed, keyed "scheme/seed", fitted to {@code layer} of {@code model}. */
  private static Map<String, ProjectionPlan> plans(ModelSpec model, String layer, Path weights) {
    Shape w;
    try (NDManager m = NDManager.newBaseManager()) {
      w = LayerCut.of(BenchmarkSupport.load(weights, model, m), layer).weightShape();
    }
    Map<String, ProjectionPlan> plans = new LinkedHashMap<>();
    for (String scheme : SCHEMES) {
      for (long seed : SEEDS) {
        plans.put(
            scheme + "/" + seed,
            ProjectionPlan.of(
                new ProjectionSpec(scheme, model.embeddingDim(), seed),
                layer,
                (int) w.get(0),
                (int) w.get(1) + 1));
      }
    }
    return plans;
  }

  /** One scheme at ViT-B/16's attention projection: build, then time and memory of a batch. */
  private static String vitBase(String scheme, int rows) throws Exception {
    int out = 768;
    int in = 768;
    int p = 768;
    int b = 32;
    ProjectionPlan plan =
        ProjectionPlan.of(new ProjectionSpec(scheme, p, 42L), "proj", out, in + 1);
    try (NDManager m = NDManager.newBaseManager()) {
      m.getEngine().setRandomSeed(1);
      NDArray dz = m.randomNormal(new Shape(b, rows, out));
      NDArray h = m.randomNormal(new Shape(b, rows, in));
      try (GradientProjector projector = new GradientProjector(m, plan)) {
        try (NDManager warm = m.newSubManager()) {
          dz.tempAttach(warm);
          projector.project(dz, h).toFloatArray();
        }
        double[] seconds = new double[3];
        for (int r = 0; r < seconds.length; r++) {
          try (NDManager batch = m.newSubManager()) {
            dz.tempAttach(batch);
            long t0 = System.nanoTime();
            projector.project(dz, h).toFloatArray();
            seconds[r] = (System.nanoTime() - t0) / 1e9;
          }
        }
        Arrays.sort(seconds);
        return String.format(
            Locale.ROOT,
            "ViT-B/16 size (768 x 769 -> 768), %d rows per sample, batch %d, %s: %.3f s per batch"
                + " (median of 3); matrices %.2f MiB, largest per-batch tensors %.1f MiB",
            rows,
            b,
            scheme,
            seconds[1],
            matrixBytes(plan) / 1048576.0,
            batchBytes(plan, b, rows) / 1048576.0);
      }
    }
  }

  /** Bytes of a plan's stored matrices (float32 signs, int64 permutation). */
  static long matrixBytes(ProjectionPlan plan) {
    long out = plan.outputs();
    long in = plan.inputs();
    long a = plan.outputFactor();
    long b = plan.inputFactor();
    return switch (plan.scheme()) {
      case ProjectionSpec.KRONECKER -> 4 * (out * a + in * b);
      case ProjectionSpec.KHATRI_RAO -> 4 * (out + in) * plan.dim();
      case ProjectionSpec.SKETCH ->
          4 * ((a < out ? out * a : 0) + (b < in ? in * b : 0)) + 12L * plan.sketchSize();
      default -> 4 * plan.gradientDim() * plan.dim();
    };
  }

  /**
   * Bytes of the largest tensors one batch of {@code batch} samples x {@code rows} rows creates
   * beyond its inputs: dense, the per-sample gradients; the others, the projected sides and
   * (sketch, per chunk of samples) the first stage's values with their permuted copy.
   */
  static long batchBytes(ProjectionPlan plan, long batch, long rows) {
    long a = plan.outputFactor();
    long b = plan.inputFactor();
    return switch (plan.scheme()) {
      case ProjectionSpec.KRONECKER -> 4 * batch * (rows * (a + b) + plan.dim());
      case ProjectionSpec.KHATRI_RAO -> 4 * batch * rows * plan.dim() * 3;
      case ProjectionSpec.SKETCH ->
          4
                  * Math.min(batch, GradientProjector.SKETCH_CHUNK)
                  * (rows * (a + b) + 2L * plan.sketchSize())
              + 4 * batch * plan.dim();
      default -> 4 * batch * plan.gradientDim();
    };
  }
}
