package dev.repflow.fungi;

import ai.djl.ndarray.NDManager;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.Datasets;
import dev.repflow.data.ImageSource;
import dev.repflow.data.PreprocessSpec;
import dev.repflow.data.SampleDatasets;
import dev.repflow.data.Split;
import dev.repflow.models.BackboneRef;
import dev.repflow.models.Embedder;
import dev.repflow.models.FrozenBackbones;
import dev.repflow.models.TorchScriptParts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FUNGI on a torchvision ViT-B/16 (random weights, exported with {@code tools/fungi_export.py
 * --preset vit_b_16}) at 224x224 over an image folder of 32x32 RGB images resized like ImageNet:
 * embedding and KL-gradient throughput, and kronecker vs dense projection of the 590,592-value
 * gradient of the last block's attention projection to 768 dims (time, peak RSS). Results in
 * docs/benchmarks.md.
 *
 * <p>Run: {@code mvn -B -o -pl activities -am test -Dtest=VitB16BenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.excludedGroups= -Dgroups=benchmark}; {@code
 * -Dvit.images=N} sets the image count (default 200).
 */
@Tag("benchmark")
class VitB16BenchmarkTest {
  private static final Logger log = LoggerFactory.getLogger(VitB16BenchmarkTest.class);
  private static final int BATCH = 16;

  @TempDir Path dir;

  @Test
  void throughputAndProjectionSchemesAt224() throws Exception {
    int images = Integer.getInteger("vit.images", 200);
    Path parts = dir.resolve("vit_b_16");
    Process p =
        new ProcessBuilder(
                "/usr/bin/python3",
                DemoTorchScript.EXPORT.toString(),
                "--preset",
                "vit_b_16",
                "--out",
                parts.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("export failed: " + out);
    }
    SampleDatasets.write("imagefolder", dir.resolve("folder"), 10, images / 10, 1);
    DatasetSpec data =
        new DatasetSpec(
            null,
            "imagefolder",
            dir.resolve("folder").toString(),
            10,
            null,
            null,
            null,
            null,
            null,
            new PreprocessSpec(256, 224, null, null, null));
    List<Integer> all = IntStream.range(0, 10).boxed().toList();
    BackboneRef.TorchScript ref = TorchScriptParts.inspect(parts);
    List<String> report = new ArrayList<>();
    report.add(
        String.format(
            Locale.ROOT,
            "hardware: %d cores visible to the JVM; %d images 3x224x224, batch %d",
            Runtime.getRuntime().availableProcessors(),
            images,
            BATCH));
    BenchmarkSupport.resetPeakRss();
    long t0 = System.nanoTime();
    try (NDManager base = NDManager.newBaseManager();
        FrozenBackbones.Encoder encoder = FrozenBackbones.open(null, ref, base)) {
      Embedder.embed(encoder, Datasets.open(data, Split.TRAIN, all), BATCH, base, (b, n, r) -> {});
    }
    report.add(line("embeddings (768)", images, t0));
    for (String scheme : List.of(ProjectionSpec.KRONECKER, ProjectionSpec.DENSE)) {
      ProjectionPlan plan = BackboneCuts.plan(ref, null, new ProjectionSpec(scheme, 0, 42L));
      BenchmarkSupport.resetPeakRss();
      long t1 = System.nanoTime();
      try (NDManager base = NDManager.newBaseManager();
          TorchScriptCut cut = new TorchScriptCut(TorchScriptParts.load(ref))) {
        ImageSource source = Datasets.open(data, Split.TRAIN, all);
        GradientFeatures.compute(
            cut, plan, KlObjectiveSpec.defaults(), source, source, BATCH, base, (b, n, r) -> {});
      }
      report.add(
          line(
              String.format(
                  Locale.ROOT, "KL gradients %d -> %d, %s", plan.gradientDim(), plan.dim(), scheme),
              images,
              t1));
    }
    report.forEach(l -> log.info("BENCHMARK {}", l));
    Files.write(Path.of("target", "vit-b16-benchmark.txt"), report);
  }

  private static String line(String what, int images, long begin) throws Exception {
    double seconds = (System.nanoTime() - begin) / 1e9;
    return String.format(
        Locale.ROOT,
        "%s: %.1f s, %.2f images/s, peak RSS %.0f MiB",
        what,
        seconds,
        images / seconds,
        BenchmarkSupport.peakRssMib());
  }
}
