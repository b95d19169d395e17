package dev.repflow.fungi;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.repflow.artifacts.FeatureTable;
import dev.repflow.artifacts.Hdf5Io;
import dev.repflow.data.FeatureTables;
import dev.repflow.data.ImageSet;
import dev.repflow.data.Split;
import dev.repflow.eval.KnnClassifier;
import dev.repflow.models.ModelSpec;
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
 * combinations, interleaved in two rounds; then agreement (kNN predictions, PCA) on repflow's
 * outputs.
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
    for (int round = 1; round <= 2; round++) {
      report.add("round " + round + ", load " + Files.readString(Path.of("/proc/loadavg")).trim());
      report.addAll(repflow(settings));
      report.addAll(baseline(round == 2));
    }
    BenchmarkSupport.write("eval-benchmark.txt", report);
  }

  /** repflow's evaluation of every combination: seconds per stage, results, peak RSS. */
  private static List<String> repflow(FungiEvalSpec settings) throws IOException {
    List<String> lines = new ArrayList<>();
    double total = 0;
    BenchmarkSupport.resetPeakRss();
    for (var combo : COMBOS.entrySet()) {
      List<FeatureTable> train = tables(combo.getValue(), "train");
      List<FeatureTable> test = tables(combo.getValue(), "test");
      List<String> uris = combo.getValue();
      Map<String, Double> seconds = new LinkedHashMap<>();
      String[] current = {null};
      long[] started = {System.nanoTime()};
      long t0 = System.nanoTime();
      CombinationReport r;
      try (NDManager m = NDManager.newBaseManager()) {
        r =
            CombinationEvaluator.evaluate(
                m,
                combo.getKey(),
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
      double all = (System.nanoTime() - t0) / 1e9;
      total += all;
      lines.add(
          String.format(
              Locale.ROOT,
              "repflow %s (%d dims): %.2f s %s; knn %.4f, map %.4f, linear %.4f, few-shot %s",
              combo.getKey(),
              r.dimensions(),
              all,
              format(seconds),
              r.knnAccuracy(),
              r.retrievalMap(),
              r.linearAccuracy(),
              r.fewShot().stream()
                  .map(f -> String.format(Locale.ROOT, "%d:%.4f", f.shots(), f.mean()))
                  .collect(Collectors.joining(" "))));
    }
    lines.add(
        String.format(
            Locale.ROOT,
            "repflow total %.2f s, peak RSS %.0f MiB",
            total,
            BenchmarkSupport.peakRssMib()));
    return lines;
  }

  /** The Python baseline; with {@code agree} it also checks repflow's PCA and kNN outputs. */
  private static List<String> baseline(boolean agree) throws Exception {
    if (agree) {
      writeAgreementFiles();
    }
    Map<String, List<List<String>>> combos = new LinkedHashMap<>();
    COMBOS.forEach(
        (name, blocks) ->
            combos.put(
                name,
                blocks.stream().map(b -> List.of(file(b, "train"), file(b, "test"))).toList()));
    List<String> command = new ArrayList<>(List.of("/usr/bin/python3", BASELINE.toString()));
    command.addAll(List.of("--combos", new com.google.gson.Gson().toJson(combos)));
    if (agree) {
      command.addAll(List.of("--agree", DIR.toString()));
    }
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    for (String v : List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")) {
      pb.environment().put(v, "2");
    }
    long t0 = System.nanoTime();
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new AssertionError("baseline failed: " + out);
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    JsonObject json = JsonParser.parseString(out.trim()).getAsJsonObject();
    List<String> lines = new ArrayList<>();
    double total = 0;
    for (var e : json.getAsJsonObject("combos").entrySet()) {
      JsonObject c = e.getValue().getAsJsonObject();
      Map<String, Double> seconds = new LinkedHashMap<>();
      c.getAsJsonObject("seconds")
          .entrySet()
          .forEach(s -> seconds.put(s.getKey(), s.getValue().getAsDouble()));
      double all = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
      total += all;
      JsonObject r = c.getAsJsonObject("result");
      lines.add(
          String.format(
              Locale.ROOT,
              "baseline %s: %.2f s %s; knn %.4f, map %.4f, linear %.4f, few-shot %s%s",
              e.getKey(),
              all,
              format(seconds),
              r.get("knn").getAsDouble(),
              r.get("map").getAsDouble(),
              r.get("linear").getAsDouble(),
              r.get("fewshot"),
              c.has("agreement") ? "; agreement with repflow " + c.get("agreement") : ""));
    }
    lines.add(
        String.format(
            Locale.ROOT,
            "baseline total %.2f s (process wall %.1f s incl. imports and reading), peak RSS %.0f"
                + " MiB",
            total,
            wall,
            json.get("peak_rss_mib").getAsDouble()));
    return lines;
  }

  /** repflow's PCA outputs and kNN predictions of every combination, for the baseline to check. */
  private static void writeAgreementFiles() throws IOException {
    for (var combo : COMBOS.entrySet()) {
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
        write(DIR.resolve(combo.getKey() + ".xp"), xp);
        write(DIR.resolve(combo.getKey() + ".qp"), qp);
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
    ImageSet train = BenchmarkSupport.unseen(Split.TRAIN, 2000);
    ImageSet test = BenchmarkSupport.unseen(Split.TEST, 1000);
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
        write(images, "emb", split, BenchmarkSupport.embed(weights, MODEL, images));
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

  private static void write(Path file, float[][] rows) throws IOException {
    ByteBuffer b =
        ByteBuffer.allocate(rows.length * rows[0].length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float[] row : rows) {
      for (float v : row) {
        b.putFloat(v);
      }
    }
    Files.write(file, b.array());
  }

  private static String format(Map<String, Double> seconds) {
    return seconds.entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
        .collect(Collectors.joining(", ", "(", ")"));
  }
}
