package dev.repflow.fungi;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.repflow.data.ImageSet;
import dev.repflow.data.ImageSource;
import dev.repflow.data.Permutations;
import dev.repflow.data.Split;
import dev.repflow.models.ModelSpec;
import dev.repflow.models.TorchScriptParts;
import dev.repflow.testing.PythonReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * docs/benchmarks.md, FUNGI features end to end: repflow's gradient features (views, per-sample
 * gradients, projection; setup included) vs a PyTorch eager baseline of the same method ({@code
 * src/test/python/fungi_eager_baseline.py}, 2 threads) on the same images: the CNN exported to
 * TorchScript by the baseline and loaded by repflow, and the small ViT (repflow's built-in one; the
 * baseline's has the same layers and shapes). The baseline runs twice per round: as written, and
 * with {@code --tuned}, the two changes repflow made to the same computation (front in passes,
 * dense one-view projection without forming G), so the second ratio compares like with like. Peak
 * RSS of each run (goal: no step holds more than one batch of full per-sample gradients).
 *
 * <p>Run: {@code mvn -B -o -pl activities -am test -Dtest=FungiThroughputBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.excludedGroups= -Dgroups=benchmark}
 */
@Tag("benchmark")
class FungiThroughputBenchmarkTest {
  private static final Path SCRIPT = Path.of("src/test/python/fungi_eager_baseline.py");
  private static final Path DIR = Path.of("target", "e2e-bench").toAbsolutePath();
  private static final int ROUNDS = 3;

  @Test
  void endToEnd() throws Exception {
    List<String> report = new ArrayList<>(BenchmarkSupport.header());
    Files.createDirectories(DIR);
    Path torchscript = DIR.resolve("cnn");
    python(List.of("--export", torchscript.toString()));
    // SimCLR's negatives as repflow picks them from this pool (64, seed 42: the defaults).
    ImageSource pool = BenchmarkSupport.unseenSource(Split.TRAIN, 100);
    ImageSet negativePool = BenchmarkSupport.unseen(Split.TRAIN, 100);
    write(
        DIR.resolve("pool.f32"),
        negativePool.subset(Permutations.sample(negativePool.size(), 64, 42)));
    ModelSpec vit = new ModelSpec("vit", 128, 64);
    long t0 = System.nanoTime();
    Path vitWeights = BenchmarkSupport.pretrain(vit);
    report.add(
        String.format(
            Locale.ROOT,
            "training step: ViT, 1 epoch of 2000 images (batch 128): %.1f s",
            (System.nanoTime() - t0) / 1e9));
    try {
      for (String objective : List.of("kl", "dino", "simclr")) {
        // KL takes a fraction of a second per 500 images: more of them, so setup and noise do not
        // decide.
        int perClass = objective.equals("kl") ? 416 : objective.equals("dino") ? 52 : 26;
        ImageSource images = BenchmarkSupport.unseenSource(Split.TEST, perClass);
        write(DIR.resolve("images.f32"), BenchmarkSupport.unseen(Split.TEST, perClass));
        List<String> schemes =
            objective.equals("kl") ? List.of("dense", "sketch") : List.of("sketch");
        for (String scheme : schemes) {
          try (TorchScriptCut cut =
              new TorchScriptCut(TorchScriptParts.load(TorchScriptParts.inspect(torchscript)))) {
            report.add(compare("cnn", objective, scheme, images, pool, m -> cut, 128, "layer"));
          }
          report.add(
              compare(
                  "vit",
                  objective,
                  scheme,
                  images,
                  pool,
                  m -> LayerCut.of(BenchmarkSupport.load(vitWeights, vit, m), "block2.attn.proj"),
                  64,
                  "block2.attn.proj"));
        }
      }
    } finally {
      Files.deleteIfExists(vitWeights);
    }
    BenchmarkSupport.write("e2e-benchmark.txt", report);
  }

  private static String compare(
      String model,
      String objective,
      String scheme,
      ImageSource images,
      ImageSource pool,
      Function<NDManager, BackboneCut> loader,
      int out,
      String layer)
      throws Exception {
    ObjectiveSpec spec =
        switch (objective) {
          case "kl" -> KlObjectiveSpec.defaults();
          case "dino" -> DinoObjectiveSpec.defaults();
          default -> SimClrObjectiveSpec.defaults();
        };
    int inputs = model.equals("cnn") ? 64 * 49 + 1 : 65;
    ProjectionPlan plan =
        ProjectionPlan.of(new ProjectionSpec(scheme, out, 42L), layer, out, inputs);
    // Interleaved rounds: the load of a shared machine drifts within seconds.
    double[] java = new double[ROUNDS];
    double[] eager = new double[ROUNDS];
    double[] tuned = new double[ROUNDS];
    double javaRss = 0;
    double eagerRss = 0;
    for (int r = 0; r < ROUNDS; r++) {
      BenchmarkSupport.resetPeakRss();
      long t0 = System.nanoTime();
      try (NDManager base = NDManager.newBaseManager()) {
        GradientFeatures.compute(
            loader.apply(base), plan, spec, images, pool, 64, base, (b, n, rate) -> {});
      }
      java[r] = (System.nanoTime() - t0) / 1e9;
      javaRss = Math.max(javaRss, BenchmarkSupport.peakRssMib());
      List<String> bench =
          List.of(
              "--bench",
              model,
              objective,
              scheme,
              "--images",
              DIR.resolve("images.f32").toString(),
              "--pool",
              DIR.resolve("pool.f32").toString());
      JsonObject py = python(bench);
      eager[r] = py.get("seconds").getAsDouble();
      eagerRss = Math.max(eagerRss, py.get("peak_rss_mib").getAsDouble());
      List<String> withTuning = new ArrayList<>(bench);
      withTuning.add("--tuned");
      tuned[r] = python(withTuning).get("seconds").getAsDouble();
    }
    double j = median(java);
    double e = median(eager);
    double t = median(tuned);
    return String.format(
        Locale.ROOT,
        "%s %s %s, %d images: repflow %.1f s (%.1f images/s, peak RSS %.0f MiB), PyTorch eager"
            + " %.1f s (%.1f images/s, peak RSS %.0f MiB), eager tuned like repflow %.1f s:"
            + " repflow %.2fx eager, %.2fx tuned (medians of %d interleaved runs; repflow %s,"
            + " eager %s, tuned %s)",
        model,
        objective,
        scheme,
        images.size(),
        j,
        images.size() / j,
        javaRss,
        e,
        images.size() / e,
        eagerRss,
        t,
        e / j,
        t / j,
        ROUNDS,
        runs(java),
        runs(eager),
        runs(tuned));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String runs(double[] seconds) {
    return java.util.Arrays.stream(seconds)
        .mapToObj(s -> String.format(Locale.ROOT, "%.1f", s))
        .collect(java.util.stream.Collectors.joining("/"));
  }

  private static JsonObject python(List<String> args) throws Exception {
    List<String> command = new ArrayList<>(List.of("/usr/bin/python3", SCRIPT.toString()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    for (String v : List.of("OMP_NUM_THREADS", "MKL_NUM_THREADS")) {
      pb.environment().put(v, "2");
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (p.waitFor() != 0) {
      throw new AssertionError("baseline failed: " + out);
    }
    return out.isEmpty() ? new JsonObject() : JsonParser.parseString(out).getAsJsonObject();
  }

  private static void write(Path file, ImageSet images) throws IOException {
    float[][] rows = new float[images.size()][];
    for (int i = 0; i < images.size(); i++) {
      rows[i] = images.image(i);
    }
    PythonReference.writeFloat32(file, rows);
  }
}
