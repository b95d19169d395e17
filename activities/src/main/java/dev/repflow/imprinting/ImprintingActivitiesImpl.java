package dev.repflow.imprinting;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.artifacts.FeatureFiles;
import dev.repflow.artifacts.FeatureTable;
import dev.repflow.artifacts.JsonArtifacts;
import dev.repflow.artifacts.RunContext;
import dev.repflow.common.StepProgress;
import dev.repflow.steps.ProgressReporter;
import dev.repflow.steps.StepCache;
import dev.repflow.steps.StepFailures;
import dev.repflow.steps.StepKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Imprinting steps: per-run memoized results, then one summary with the CD diagram. */
public class ImprintingActivitiesImpl implements ImprintingActivities {
  private static final String RUN = "imprint-run";
  private static final String BATCH = "imprint-batch";
  private static final String SUMMARY = "imprint-summary";
  private static final int VERSION = 1;

  /** 3: exact Wilcoxon p-values for small untied samples; diagram title. */
  private static final int SUMMARY_VERSION = 3;

  private final ArtifactStore store;
  private final FeatureFiles files;
  private final StepCache cache;

  public ImprintingActivitiesImpl(ArtifactStore store) {
    this.store = store;
    this.files = new FeatureFiles(store);
    this.cache = new StepCache(store);
  }

  @Override
  public BatchResult evaluate(RunContext run, TaskSet tasks, List<ImprintConfig> configs) {
    return StepFailures.guard(
        BATCH,
        () -> {
          ProgressReporter progress = ProgressReporter.forCurrentActivity();
          List<ArtifactRef> inputs = List.of(tasks.train(), tasks.test());
          List<TaskData> data = null; // loaded on the first run that is not memoized
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
            var done = cache.reusable(run, key);
            if (done.isPresent()) {
              records.add(JsonArtifacts.read(store, done.get(), RunRecord.class));
              memoized++;
            } else {
              if (data == null) {
                data = load(tasks);
              }
              List<Double> acc = data.stream().map(t -> Imprinter.accuracy(config, t)).toList();
              RunRecord record = new RunRecord(config.id(), config, acc);
              JsonArtifacts.put(store, key, record);
              records.add(record);
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
          var done = cache.reusable(run, key);
          if (done.isPresent()) {
            return JsonArtifacts.read(store, done.get(), ImprintingSummary.class).asCached();
          }
          List<RunRecord> rows = new ArrayList<>();
          for (ArtifactRef b : batches) {
            rows.addAll(JsonArtifacts.read(store, b, ResultsTable.class).runs());
          }
          rows.sort(Comparator.comparingDouble(RunRecord::meanAccuracy).reversed());
          ArtifactRef table =
              JsonArtifacts.put(
                  store,
                  key.replace(".json", "-table.json"),
                  new ResultsTable(tasks.names(), rows));
          List<RunRecord> top = Summaries.select(rows, cd);
          CriticalDifference diff = Summaries.compare(top, cd.alpha());
          String title =
              String.format(
                  java.util.Locale.ROOT,
                  "%d of %d imprinting runs over %d tasks (Friedman p=%.3g, Holm alpha=%s)",
                  top.size(),
                  rows.size(),
                  tasks.tasks().size(),
                  diff.friedman().p(),
                  cd.alpha());
          ArtifactRef svg =
              putText(key.replace(".json", "-cd.svg"), CdDiagramSvg.render(diff, title));
          ImprintingSummary summary =
              Summaries.summary(table, svg, tasks.names(), top, diff, cd.alpha(), rows.size());
          JsonArtifacts.put(store, key, summary);
          return summary;
        });
  }

  private List<TaskData> load(TaskSet tasks) {
    FeatureTable train = files.read(tasks.train());
    FeatureTable test = files.read(tasks.test());
    if (train.columns() != test.columns()) {
      throw new IllegalArgumentException(
          tasks.train().uri()
              + " has "
              + train.columns()
              + " columns but "
              + tasks.test().uri()
              + " has "
              + test.columns());
    }
    return tasks.tasks().stream().map(t -> TaskData.of(t, train, test)).toList();
  }

  private ArtifactRef putText(String key, String body) throws IOException {
    Path tmp = Files.createTempFile("repflow-", ".svg");
    try {
      Files.writeString(tmp, body, StandardCharsets.UTF_8);
      return store.put(key, tmp, "svg", List.of());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + key, e);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
