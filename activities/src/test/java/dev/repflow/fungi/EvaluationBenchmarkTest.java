package dev.repflow.fungi;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.repflow.artifacts.FeatureTable;
import dev.repflow.artifacts.Hdf5Io;
import dev.repflow.data.FeatureTables;
import dev.repflow.data.ImageSet;
import dev.repflow.data.ImageSource;
import dev.repflow.data.ReadProgress;
import dev.repflow.data.Split;
import dev.repflow.eval.KnnClassifier;
import dev.repflow.models.ModelSpec;
import dev.repflow.testing.PythonReference;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * docs/benchmarks.md, evaluation: repflow's FUNGI evaluation (PCA, kNN, retrieval mAP, linear
 * probe, few-shot) vs a numpy / scikit-learn baseline ({@code src/test/python/
 * fungi_eval_baseline.py}) on the same HDF5 features, 10,000 train + 5,000 test images, seven
 * combinations, each timed in three interleaved rounds (fastest kept); then agreement (kNN
 * predictions, PCA) on repflow's outputs.
 *
 * <p>Features (written once to {@code target/eval-bench}, reused by later runs): the CNN's
 * embeddings and its fc-layer KL gradients under three projections (dense, sketch, khatri-rao),
 * four 128-wide blocks combined like the pipeline's seven combinations (128 to 512 dimensions).
 *
 * <p>Run: {@code mvn -B -o -pl activities -am test -Dtest=EvaluationBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.excludedGroups= -Dgroups=benchmark}
 */
@Tag("benchmark")
class EvaluationBenchmarkTest {
  private static final Path DIR = Path.of("target", "eval-bench").toAbsolutePath();
  private static final Path BASELINE = Path.of("src/test/python/fungi_eval_baseline.py");
  private static final ModelSpec MODEL = new ModelSpec("cnn", 32, 128);
  private static final Map<String, List<String>> COMBOS = new LinkedHashMap<>();
  private static final int ROUNDS = 3;

  static {
    COMBOS.put("emb", List.of("emb"));
    COMBOS.put("emb+kl", List.of("emb", "kl"));
    COMBOS.put("emb+kl+kl2", List.of("emb", "kl", "kl2"));
    COMBOS.put("all", List.of("emb", "kl", "kl2", "kl3"));
    COMBOS.put("kl", List.of("kl"));
    COMBOS.put("kl2", List.of("kl2"));
    COMBOS.put("kl3", List.of("kl3"));
  }

  @Test
  void evaluation() throws Exception {
    List<String> report = new ArrayList<>(BenchmarkSupport.header());
    features();
    FungiEvalSpec settings =
        new FungiEvalSpec(BenchmarkSupport.UNSEEN, 0, 0, null, 0, 0, null, null);
    double[] totals = new double[2];
    // Per combination, repflow and the baseline alternate ROUNDS times: the load of a shared
    // machine drifts within seconds, so only close neighbours in time are compared.
    for (String combo : combos()) {
      List<Run> ours = new ArrayList<>();
      List<Run> theirs = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        ours.add(repflow(combo, settings));
        theirs.add(baseline(combo, false));
      }
      Run a = fastest(ours);
      Run b = fastest(theirs);
      totals[0] += a.seconds();
      totals[1] += b.seconds();
      report.add(
          String.format(
              Locale.ROOT,
              "%s: repflow %.2f s %s, baseline %.2f s %s; repflow %.2fx (fastest of %d"
                  + " interleaved rounds; all: repflow %s, baseline %s)",
              combo,
              a.seconds(),
              format(a.stages()),
              b.seconds(),
              format(b.stages()),
              b.seconds() / a.seconds(),
              ROUNDS,
              runs(ours),
              runs(theirs)));
      report.add("  repflow results: " + a.results());
      report.add("  baseline results: " + b.results());
    }
    report.add(
        String.format(
            Locale.ROOT,
            "all combinations: repflow %.1f s, baseline %.1f s: repflow %.2fx; peak RSS repflow %.0f"
                + " MiB (whole JVM), baseline %.0f MiB",
            totals[0],
            totals[1],
            totals[1] / totals[0],
            BenchmarkSupport.peakRssMib(),
            baselinePeak));
    writeAgreementFiles();
    for (String combo : combos()) {
      report.add(combo + ": agreement " + baseline(combo, true).results());
    }
    BenchmarkSupport.write("eval-benchmark.txt", report);
  }

  /** The combinations to time: all, or those listed in {@code -Deval.combos=all,kl}. */
  private static List<String> combos() {
    String only = System.getProperty("eval.combos", "");
    return COMBOS.keySet().stream()
        .filter(c -> only.isBlank() || List.of(only.split(",")).contains(c))
        .toList();
  }

  /** One timed evaluation: total seconds, seconds per stage, results. */
  private record Run(double seconds, Map<String, Double> stages, String results) {}

  private static double baselinePeak;

  private static Run fastest(List<Run> runs) {
    return runs.stream().min(java.util.Comparator.comparingDouble(Run::seconds)).orElseThrow();
  }

  private static String runs(List<Run> runs) {
    return runs.stream()
        .map(r -> String.format(Locale.ROOT, "%.1f", r.seconds()))
        .collect(Collectors.joining("/"));
  }

  /** repflow's evaluation of one combination. */
  private static Run repflow(String combo, FungiEvalSpec settings) throws IOException {
    List<FeatureTable> train = tables(COMBOS.get(combo), "train");
    List<FeatureTable> test = tables(COMBOS.get(combo), "test");
    List<String> uris = COMBOS.get(combo);
    Map<String, Double> seconds = new LinkedHashMap<>();
    String[] current = {null};
    long[] started = {System.nanoTime()};
    long t0 = System.nanoTime();
    CombinationReport r;
    try (NDManager m = NDManager.newBaseManager()) {
      r =
          CombinationEvaluator.evaluate(
              m,
              combo,
              train,
              test,
              uris,
              uris,
              settings,
              stage -> {
                long now = System.nanoTime();
                if (current[0] != null) {
                  seconds.put(current[0], (now - started[0]) / 1e9);
                }
                current[0] = stage;
                started[0] = now;
              });
    }
    seconds.put(current[0], (System.nanoTime() - started[0]) / 1e9);
    return new Run(
        (System.nanoTime() - t0) / 1e9,
        seconds,
        String.format(
            Locale.ROOT,
            "%d dims, knn %.4f, map %.4f, linear %.4f, few-shot %s",
            r.dimensions(),
            r.knnAccuracy(),
            r.retrievalMap(),
            r.linearAccuracy(),
            r.fewShot().stream()
                .map(f -> String.format(Locale.ROOT, "%d:%.4f", f.shots(), f.mean()))
                .collect(Collectors.joining(" "))));
  }

  /** The Python baseline on one combination; {@code agree}: check repflow's outputs instead. */
  private static Run baseline(String combo, boolean agree) throws Exception {
    Map<String, List<List<String>>> combos =
        Map.of(
            combo,
            COMBOS.get(combo).stream()
                .map(b -> List.of(file(b, "train"), file(b, "test")))
                .toList());
    List<String> command = new ArrayList<>(List.of("/usr/bin/python3", BASELINE.toString()));
    command.addAll(List.of("--combos", new com.google.gson.Gson().toJson(combos)));
    if (agree) {
      command.addAll(List.of("--agree", DIR.toString()));
    }
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    for (String v : List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")) {
      pb.environment().put(v, "2");
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new AssertionError("baseline failed: " + out);
    }
    JsonObject json = JsonParser.parseString(out.trim()).getAsJsonObject();
    baselinePeak = Math.max(baselinePeak, json.get("peak_rss_mib").getAsDouble());
    JsonObject c = json.getAsJsonObject("combos").getAsJsonObject(combo);
    Map<String, Double> seconds = new LinkedHashMap<>();
    c.getAsJsonObject("seconds")
        .entrySet()
        .forEach(s -> seconds.put(s.getKey(), s.getValue().getAsDouble()));
    JsonObject r = c.getAsJsonObject("result");
    String results =
        agree
            ? c.get("agreement").toString()
            : String.format(
                Locale.ROOT,
                "knn %.4f, map %.4f, linear %.4f, few-shot %s",
                r.get("knn").getAsDouble(),
                r.get("map").getAsDouble(),
                r.get("linear").getAsDouble(),
                r.get("fewshot"));
    return new Run(
        seconds.values().stream().mapToDouble(Double::doubleValue).sum(), seconds, results);
  }

  /** repflow's PCA outputs and kNN predictions of every combination, for the baseline to check. */
  private static void writeAgreementFiles() throws IOException {
    for (var combo : COMBOS.entrySet()) {
      if (!combos().contains(combo.getKey())) {
        continue;
      }
      List<FeatureTable> train = tables(combo.getValue(), "train");
      float[][] x = FeatureBlocks.concat(train.stream().map(FeatureTable::features).toList());
      float[][] q =
          FeatureBlocks.concat(
              tables(combo.getValue(), "test").stream().map(FeatureTable::features).toList());
      try (NDManager m = NDManager.newBaseManager()) {
        Pca pca = Pca.fit(m, x, 512);
        float[][] xp = pca.transform(m, x);
        float[][] qp = pca.transform(m, q);
        long[] predicted =
            new KnnClassifier(m, 20).predict(xp, train.get(0).labels(), qp, done -> {});
        PythonReference.writeFloat32(DIR.resolve(combo.getKey() + ".xp"), xp);
        PythonReference.writeFloat32(DIR.resolve(combo.getKey() + ".qp"), qp);
        ByteBuffer b = ByteBuffer.allocate(predicted.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : predicted) {
          b.putLong(v);
        }
        Files.write(DIR.resolve(combo.getKey() + ".pred"), b.array());
      }
    }
  }

  /** Writes the four blocks' HDF5 files unless an earlier run left them. */
  private static void features() throws Exception {
    if (Files.exists(Path.of(file("kl3", "test")))) {
      return;
    }
    Files.createDirectories(DIR);
    ImageSource trainSource = BenchmarkSupport.unseenSource(Split.TRAIN, 2000);
    ImageSource testSource = BenchmarkSupport.unseenSource(Split.TEST, 1000);
    ImageSet train = trainSource.loadAll("benchmark", ReadProgress.none());
    ImageSet test = testSource.loadAll("benchmark", ReadProgress.none());
    Path weights = BenchmarkSupport.pretrain(MODEL);
    try {
      Map<String, ProjectionPlan> plans = new LinkedHashMap<>();
      String[][] blocks = {{"kl", "dense"}, {"kl2", "sketch"}, {"kl3", "khatri-rao"}};
      for (String[] b : blocks) {
        plans.put(
            b[0], ProjectionPlan.of(new ProjectionSpec(b[1], 128, 42L), "fc", 128, 64 * 49 + 1));
      }
      for (ImageSet images : List.of(train, test)) {
        String split = images == train ? "train" : "test";
        write(
            images,
            "emb",
            split,
            BenchmarkSupport.embed(weights, MODEL, images == train ? trainSource : testSource));
        var grads =
            BenchmarkSupport.gradients(
                weights, MODEL, KlObjectiveSpec.defaults(), images, train, plans);
        for (String[] b : blocks) {
          write(images, b[0], split, grads.get(b[0]).rows());
        }
      }
    } finally {
      Files.deleteIfExists(weights);
    }
  }

  private static void write(ImageSet images, String block, String split, float[][] rows) {
    Hdf5Io.write(
        Path.of(file(block, split)), FeatureTables.of(images, rows, Map.of("block", block)));
  }

  private static String file(String block, String split) {
    return DIR.resolve(block + "-" + split + ".h5").toString();
  }

  private static List<FeatureTable> tables(List<String> blocks, String split) {
    return blocks.stream().map(b -> Hdf5Io.read(Path.of(file(b, split)))).toList();
  }

  private static String format(Map<String, Double> seconds) {
    return seconds.entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
        .collect(Collectors.joining(", ", "(", ")"));
  }
}
