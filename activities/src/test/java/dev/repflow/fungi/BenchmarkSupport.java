package dev.repflow.fungi;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.Datasets;
import dev.repflow.data.ImageSet;
import dev.repflow.data.ImageSource;
import dev.repflow.data.ReadProgress;
import dev.repflow.data.Split;
import dev.repflow.eval.ClassificationMetrics;
import dev.repflow.eval.KnnClassifier;
import dev.repflow.models.BackboneTrainer;
import dev.repflow.models.Backbones;
import dev.repflow.models.Checkpoints;
import dev.repflow.models.Classifier;
import dev.repflow.models.Embedder;
import dev.repflow.models.FrozenBackbones;
import dev.repflow.models.GradMode;
import dev.repflow.models.ModelSpec;
import dev.repflow.models.TrainSpec;
import dev.repflow.models.TrainingListener;
import dev.repflow.numerics.CpuNumerics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the benchmarks (tag {@code benchmark}) share: a pretrained backbone, kNN, peak RSS. */
final class BenchmarkSupport {
  static final List<Integer> SEEN = List.of(0, 1, 2, 3, 4);
  static final List<Integer> UNSEEN = List.of(5, 6, 7, 8, 9);
  static final int BATCH = 64;

  private BenchmarkSupport() {}

  /** A checkpoint of {@code model} trained one epoch on 400 images of each seen class. */
  static Path pretrain(ModelSpec model) throws Exception {
    ImageSet images = Datasets.load(DatasetSpec.fashionMnist(null, 400, 100), Split.TRAIN, SEEN);
    return new BackboneTrainer()
        .train(images, SEEN, model, new TrainSpec(1, 128, 1e-3, 42), null, TrainingListener.none())
        .checkpoint();
  }

  /** The first {@code perClass} images of each unseen class of a split, not decoded yet. */
  static ImageSource unseenSource(Split split, int perClass) {
    return Datasets.open(DatasetSpec.fashionMnist(null, perClass, perClass), split, UNSEEN);
  }

  /** The same images, decoded. */
  static ImageSet unseen(Split split, int perClass) {
    return unseenSource(split, perClass).loadAll("benchmark", ReadProgress.none());
  }

  /** A checkpoint written by {@link #pretrain}, loaded into {@code manager}. */
  static Classifier load(Path weights, ModelSpec model, NDManager manager) {
    return Checkpoints.load(weights, model, SEEN.size(), Backbones.FASHION_MNIST, manager);
  }

  static float[][] embed(Path weights, ModelSpec model, ImageSource images) {
    try (NDManager base = NDManager.newBaseManager();
        FrozenBackbones.Encoder encoder =
            FrozenBackbones.encoder(load(weights, model, base), base)) {
      return Embedder.embed(encoder, images, 256, base, (b, n, r) -> {}).rows();
    }
  }

  static long[] labels(ImageSet images) {
    return Arrays.stream(images.labels()).asLongStream().toArray();
  }

  /** kNN (k = 20) accuracy of test against train, blocks normalised and concatenated. */
  static double knn(
      List<float[][]> train, ImageSet trainSet, List<float[][]> test, ImageSet testSet) {
    try (NDManager m = NDManager.newBaseManager()) {
      long[] predicted =
          new KnnClassifier(m, 20)
              .predict(
                  FeatureBlocks.concat(train),
                  labels(trainSet),
                  FeatureBlocks.concat(test),
                  done -> {});
      return ClassificationMetrics.of(predicted, labels(testSet)).accuracy();
    }
  }

  /** Projected features {@code [N, P]} and the seconds spent projecting them. */
  record Features(float[][] rows, double seconds) {}

  /**
   * Per-sample gradients of {@code images} at each plan's layer, extracted once per batch and
   * projected by every plan.
   *
   * @param plans keyed by any name; all for the same layer and P
   */
  static Map<String, Features> gradients(
      Path weights,
      ModelSpec model,
      ObjectiveSpec spec,
      ImageSet images,
      ImageSet pool,
      Map<String, ProjectionPlan> plans) {
    ProjectionPlan first = plans.values().iterator().next();
    int p = first.dim();
    Map<String, float[][]> rows = new LinkedHashMap<>();
    Map<String, Long> nanos = new LinkedHashMap<>();
    try (NDManager base = NDManager.newBaseManager()) {
      GradMode.offOnThisThread();
      LayerCut cut = LayerCut.of(load(weights, model, base), first.layer());
      Objective objective = Objectives.create(base, spec, model.embeddingDim(), cut, pool);
      GradientExtractor extractor = new GradientExtractor(base, cut, objective);
      Map<String, GradientProjector> projectors = new LinkedHashMap<>();
      plans.forEach(
          (key, plan) -> {
            projectors.put(key, new GradientProjector(base, plan));
            rows.put(key, new float[images.size()][]);
            nanos.put(key, 0L);
          });
      for (int from = 0; from < images.size(); from += BATCH) {
        int to = Math.min(images.size(), from + BATCH);
        try (NDManager batch = base.newSubManager()) {
          NDList parts = extractor.upstream(batch, images, from, to);
          for (var e : projectors.entrySet()) {
            long t0 = System.nanoTime();
            float[] flat = e.getValue().project(parts.get(0), parts.get(1)).toFloatArray();
            nanos.merge(e.getKey(), System.nanoTime() - t0, Long::sum);
            for (int i = from; i < to; i++) {
              rows.get(e.getKey())[i] =
                  Arrays.copyOfRange(flat, (i - from) * p, (i - from + 1) * p);
            }
          }
        }
      }
      projectors.values().forEach(GradientProjector::close);
    }
    Map<String, Features> out = new LinkedHashMap<>();
    rows.forEach((k, v) -> out.put(k, new Features(v, nanos.get(k) / 1e9)));
    return out;
  }

  /** Resets VmHWM to the current RSS (Linux clear_refs 5), so the next peak is what follows. */
  static void resetPeakRss() throws IOException {
    System.gc();
    Files.writeString(Path.of("/proc/self/clear_refs"), "5");
  }

  /** The process's peak resident set since the last reset (VmHWM), in MiB. */
  static double peakRssMib() throws IOException {
    return statusKb("VmHWM:") / 1024.0;
  }

  private static long statusKb(String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  /** The first lines of every report: machine, load, numerics. */
  static List<String> header() throws IOException {
    String cpu =
        Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(l -> l.startsWith("model name"))
            .findFirst()
            .map(l -> l.substring(l.indexOf(':') + 2))
            .orElse("?");
    return List.of(
        String.format(
            Locale.ROOT,
            "machine: %s, %d cores visible to the JVM; load average at start: %s",
            cpu,
            Runtime.getRuntime().availableProcessors(),
            Files.readString(Path.of("/proc/loadavg")).trim()),
        "numerics: " + CpuNumerics.active().tag());
  }

  static void write(String name, List<String> report) throws IOException {
    report.forEach(line -> System.out.println("BENCHMARK " + line));
    Files.write(Path.of("target", name), report);
  }
}
