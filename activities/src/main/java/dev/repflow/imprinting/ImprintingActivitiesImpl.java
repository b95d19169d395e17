package dev.repflow.imprinting;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.artifacts.FeatureFiles;
import dev.repflow.artifacts.JsonArtifacts;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.TextArtifacts;
import dev.repflow.common.StepProgress;
import dev.repflow.steps.CachedSteps;
import dev.repflow.steps.ProgressReporter;
import dev.repflow.steps.StepFailures;
import dev.repflow.steps.StepKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Imprinting steps: per-run memoized results, then one summary with the CD diagram. */
public class ImprintingActivitiesImpl implements ImprintingActivities {
  private static final String RUN = "imprint-run";
  private static final String BATCH = "imprint-batch";
  private static final String SUMMARY = "imprint-summary";

  /** 2: IMPRINT's quantile NORMpost, least squares and mnn distances; seeded support sets. */
  private static final int VERSION = 2;

  /** 4: methods without seeds (median over seeds), compared set fixed by the spec, pratt/Holm. */
  private static final int SUMMARY_VERSION = 4;

  private final ArtifactStore store;
  private final FeatureFiles files;
  private final CachedSteps steps;

  public ImprintingActivitiesImpl(ArtifactStore store) {
    this.store = store;
    this.files = new FeatureFiles(store);
    this.steps = CachedSteps.on(store);
  }

  /** One configuration's record and whether it was memoized. */
  private record Run(RunRecord record, boolean memoized) {}

  @Override
  public BatchResult evaluate(RunContext run, TaskSet tasks, List<ImprintConfig> configs) {
    return StepFailures.guard(
        BATCH,
        () -> {
          ProgressReporter progress = ProgressReporter.forCurrentActivity();
          List<ArtifactRef> inputs = List.of(tasks.train(), tasks.test());
          TaskSource data = new TaskSource(files, tasks);
          List<RunRecord> records = new ArrayList<>();
          int memoized = 0;
          for (ImprintConfig config : configs) {
            String key =
                StepKey.of(
                        run,
                        RUN,
                        VERSION,
                        Map.of("config", config, "tasks", tasks.tasks()),
                        inputs,
                        "json")
                    .key();
            Run done =
                steps.json(
                    run,
                    key,
                    RunRecord.class,
                    () ->
                        new RunRecord(
                            config.id(),
                            config,
                            data.forSeed(config.seed()).stream()
                                .map(t -> Imprinter.accuracy(config, t))
                                .toList()),
                    (record, ref, cached) -> new Run(record, cached));
            records.add(done.record());
            if (done.memoized()) {
              memoized++;
            }
            progress.report(
                StepProgress.of(BATCH, "run", records.size(), configs.size(), config.id()));
          }
          String batchKey =
              StepKey.of(
                      run,
                      BATCH,
                      VERSION,
                      Map.of(
                          "runs",
                          configs.stream().map(ImprintConfig::id).toList(),
                          "tasks",
                          tasks.tasks()),
                      inputs,
                      "json")
                  .key();
          ArtifactRef ref =
              JsonArtifacts.put(store, batchKey, new ResultsTable(tasks.names(), records));
          return new BatchResult(ref, configs.size(), memoized);
        });
  }

  @Override
  public ImprintingSummary summarize(
      RunContext run, TaskSet tasks, List<ArtifactRef> batches, CdSpec cd) {
    return StepFailures.guard(
        SUMMARY,
        () -> {
          String key =
              StepKey.of(run, SUMMARY, SUMMARY_VERSION, Map.of("cd", cd), batches, "json").key();
          return steps.json(
              run,
              key,
              ImprintingSummary.class,
              () -> summary(tasks, batches, cd, key),
              (summary, ref, cached) -> cached ? summary.asCached() : summary);
        });
  }

  /** Ranks the runs of {@code batches}, compares the methods and stores the tables and diagram. */
  private ImprintingSummary summary(
      TaskSet tasks, List<ArtifactRef> batches, CdSpec cd, String key) {
    List<RunRecord> rows = new ArrayList<>();
    for (ArtifactRef b : batches) {
      rows.addAll(JsonArtifacts.read(store, b, ResultsTable.class).runs());
    }
    rows.sort(Comparator.comparingDouble(RunRecord::meanAccuracy).reversed());
    ArtifactRef table =
        JsonArtifacts.put(
            store, key.replace(".json", "-table.json"), new ResultsTable(tasks.names(), rows));
    List<MethodScore> methods = Summaries.methods(rows);
    CriticalDifference diff = Summaries.compare(methods, cd.methods(), cd.alpha());
    ArtifactRef tests =
        JsonArtifacts.put(
            store,
            key.replace(".json", "-tests.json"),
            new PairwiseTests(diff.names(), diff.pairs(), cd.alpha()));
    List<Long> seeds = rows.stream().map(r -> r.config().seed()).distinct().sorted().toList();
    String title =
        String.format(
            java.util.Locale.ROOT,
            "%d of %d imprinting methods over %d tasks, median of %d seed(s)"
                + " (Friedman p=%.3g, Holm alpha=%s)",
            diff.names().size(),
            methods.size(),
            tasks.tasks().size(),
            seeds.size(),
            diff.friedman().p(),
            cd.alpha());
    ArtifactRef svg =
        TextArtifacts.put(
            store, key.replace(".json", "-cd.svg"), CdDiagramSvg.render(diff, title), "svg");
    return Summaries.summary(table, svg, tests, tasks.names(), seeds, rows.size(), methods, diff);
  }
}
