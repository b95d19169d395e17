package dev.repflow.anchoring;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.artifacts.FeatureTable;
import dev.repflow.artifacts.JsonArtifacts;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import dev.repflow.artifacts.TextArtifacts;
import dev.repflow.common.StepProgress;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.Datasets;
import dev.repflow.data.FeatureTables;
import dev.repflow.data.ImageSet;
import dev.repflow.data.Split;
import dev.repflow.data.corruptions.Corruptions;
import dev.repflow.steps.CachedSteps;
import dev.repflow.steps.ProgressReporter;
import dev.repflow.steps.StepCache;
import dev.repflow.steps.StepFailures;
import dev.repflow.steps.StepKey;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** CPU steps of the anchoring pipeline: corrupted test sets, result table and plot. */
public class CorruptionActivitiesImpl implements CorruptionActivities {
  static final String CORRUPT = "anchoring-corrupt";
  static final String REPORT = "anchoring-report";
  private static final int CORRUPT_VERSION = 2;
  // 2: rows and cells carry their ECE bin count.
  private static final int REPORT_VERSION = 2;

  private final ArtifactStore store;
  private final StepCache cache;
  private final CachedSteps steps;

  public CorruptionActivitiesImpl(ArtifactStore store) {
    this.store = store;
    this.cache = new StepCache(store);
    this.steps = CachedSteps.on(store);
  }

  @Override
  public CorruptedSet corrupt(
      RunContext run, DatasetSpec dataset, String corruption, CorruptionSpec spec) {
    return StepFailures.guard(
        CORRUPT,
        () -> {
          boolean clean = CorruptedSet.CLEAN.equals(corruption);
          if (!clean) {
            CorruptionSpec.requireKnown(corruption);
          }
          List<Integer> severities = clean ? List.of(0) : spec.severities();
          Map<String, Object> params = new LinkedHashMap<>();
          params.put("dataset", dataset);
          params.put("corruption", corruption);
          if (!clean) {
            params.put("severities", severities);
            params.put("seed", spec.seed());
            params.put("dir", spec.dir());
          }
          StepKey key = StepKey.of(run, CORRUPT, CORRUPT_VERSION, params, List.of(), "h5");
          StepResult images =
              steps.features(
                  run, key.key(), () -> corrupted(dataset, corruption, spec, severities, key));
          return new CorruptedSet(corruption, images.artifact(), severities, images.cached());
        });
  }

  /** The test split under {@code corruption} at each of {@code severities}, stacked by severity. */
  private static FeatureTable corrupted(
      DatasetSpec dataset,
      String corruption,
      CorruptionSpec spec,
      List<Integer> severities,
      StepKey key) {
    boolean clean = CorruptedSet.CLEAN.equals(corruption);
    ImageSet test = Datasets.load(dataset, Split.TEST, allClasses(dataset));
    ProgressReporter progress = ProgressReporter.forCurrentActivity();
    float[][] rows = new float[test.size() * severities.size()][];
    long[] labels = new long[rows.length];
    long[] indices = new long[rows.length];
    for (int s = 0; s < severities.size(); s++) {
      int severity = severities.get(s);
      float[][] block =
          block(
              dataset,
              test,
              corruption,
              severity,
              spec,
              done ->
                  progress.report(
                      StepProgress.of(
                          CORRUPT,
                          "image",
                          done,
                          test.size(),
                          corruption + " severity " + severity + ": " + done + "/" + test.size())));
      for (int i = 0; i < test.size(); i++) {
        int row = s * test.size() + i;
        rows[row] = block[i];
        labels[row] = test.labels()[i];
        indices[row] = test.indices()[i];
      }
      progress.report(
          StepProgress.of(
              CORRUPT, "severity", s + 1, severities.size(), corruption + " " + (s + 1)));
    }
    var attributes =
        FeatureTables.attributes(
            dataset,
            Split.TEST,
            Map.of(
                "kind", "corrupted-images",
                "corruption", corruption,
                "severities",
                    severities.stream().map(String::valueOf).collect(Collectors.joining(",")),
                "channels", String.valueOf(test.channels()),
                "height", String.valueOf(test.height()),
                "width", String.valueOf(test.width()),
                "source", clean || spec.dir() == null ? "generated" : spec.dir(),
                "spec_sha256", key.specSha256()));
    return new FeatureTable(rows, labels, indices, attributes);
  }

  /**
   * {@code [N, C * H * W]} test images at one severity: generated, read (preprocessed like the test
   * split), or clean (severity 0).
   */
  private static float[][] block(
      DatasetSpec dataset,
      ImageSet test,
      String corruption,
      int severity,
      CorruptionSpec spec,
      IntConsumer progress) {
    if (severity == 0) {
      return IntStream.range(0, test.size()).mapToObj(test::image).toArray(float[][]::new);
    }
    if (spec.dir() != null) {
      // The published sets cover the whole test split; keep the rows this run's test set uses.
      ImageSet read =
          Datasets.corrupted(dataset, Path.of(spec.dir()), corruption, severity, test.indices());
      if (!read.shape().equals(test.shape())) {
        throw new IllegalArgumentException(
            String.format(
                "%s/%s.npy holds %s images after preprocessing, but the test split is %s",
                spec.dir(), corruption, read.shape().label(), test.shape().label()));
      }
      return IntStream.range(0, read.size()).mapToObj(read::image).toArray(float[][]::new);
    }
    return Corruptions.apply(test, corruption, severity, spec.seed(), progress);
  }

  @Override
  public AnchoringReport report(RunContext run, List<CorruptionMetrics> cells) {
    return StepFailures.guard(
        REPORT,
        () -> {
          List<ArtifactRef> inputs = cells.stream().map(CorruptionMetrics::predictions).toList();
          StepKey key = StepKey.of(run, REPORT, REPORT_VERSION, cells.size(), inputs, "json");
          List<SummaryRow> rows = SeveritySummary.of(cells);
          String plotKey = key.key().replaceAll("\\.json$", ".svg");
          var cachedTable = cache.reusable(run, key.key());
          var cachedPlot = cache.reusable(run, plotKey);
          if (cachedTable.isPresent() && cachedPlot.isPresent()) {
            return new AnchoringReport(cachedTable.get(), cachedPlot.get(), rows, true);
          }
          ArtifactRef plot = TextArtifacts.put(store, plotKey, SeverityPlot.svg(rows), "svg");
          ArtifactRef table = JsonArtifacts.put(store, key.key(), new AnchoringTable(rows, cells));
          return new AnchoringReport(table, plot, rows, false);
        });
  }

  private static List<Integer> allClasses(DatasetSpec dataset) {
    return IntStream.range(0, dataset.classCount()).boxed().toList();
  }
}
