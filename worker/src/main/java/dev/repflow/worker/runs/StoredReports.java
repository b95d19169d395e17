package dev.repflow.worker.runs;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.JsonArtifacts;
import dev.repflow.artifacts.S3ArtifactStore;
import dev.repflow.artifacts.TextArtifacts;
import dev.repflow.reports.ReportKeys;
import dev.repflow.reports.RunDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reports runs wrote to S3 ({@code <experiment>/reports/<run>/}): what the results browser
 * shows of runs whose Temporal server is gone (the embedded one lives only as long as its process)
 * and where `repflow report` finds a run's page.
 */
public final class StoredReports {
  private final S3ArtifactStore store;

  /** Documents by URI and sha256: a report rewritten by a retried step is read again. */
  private final Map<String, RunDocument> documents = new ConcurrentHashMap<>();

  public StoredReports(S3ArtifactStore store) {
    this.store = store;
  }

  /** Every stored run, newest report first. */
  public List<RunSummary> list() {
    List<RunSummary> runs = new ArrayList<>();
    for (String experiment : store.folders("")) {
      for (String run : store.folders(experiment + "/" + ReportKeys.FOLDER + "/")) {
        document(experiment, run).ifPresent(doc -> runs.add(summary(doc)));
      }
    }
    runs.sort(Comparator.comparing(RunSummary::closed).reversed());
    return runs;
  }

  /** The run's {@code run.json}, looked up in {@code experiment}'s reports. */
  public Optional<RunDocument> document(String experiment, String workflowId) {
    return ref(experiment, workflowId, ReportKeys.DATA)
        .map(
            ref ->
                documents.computeIfAbsent(
                    ref.uri() + "@" + ref.sha256(),
                    k -> JsonArtifacts.read(store, ref, RunDocument.class)));
  }

  /** The run's {@code run.json}, in whichever experiment holds it. */
  public Optional<RunDocument> document(String workflowId) {
    return experimentOf(workflowId).flatMap(e -> document(e, workflowId));
  }

  /** The run's {@code report.html} reference, in whichever experiment holds it. */
  public Optional<ArtifactRef> html(String workflowId) {
    return experimentOf(workflowId).flatMap(e -> ref(e, workflowId, ReportKeys.HTML));
  }

  /** The object at an {@code s3://} URI of this bucket, verified, as text. */
  public Optional<String> text(String uri) {
    String prefix = "s3://" + store.bucket() + "/";
    if (uri == null || !uri.startsWith(prefix)) {
      return Optional.empty();
    }
    return store.find(uri.substring(prefix.length())).map(ref -> TextArtifacts.read(store, ref));
  }

  /** A file of the run's report folder (e.g. a plot's SVG), verified, as text. */
  public Optional<String> file(String experiment, String workflowId, String name) {
    return ref(experiment, workflowId, name).map(ref -> TextArtifacts.read(store, ref));
  }

  public Optional<ArtifactRef> ref(String experiment, String workflowId, String name) {
    return store.find(ReportKeys.folder(experiment, workflowId) + name);
  }

  private Optional<String> experimentOf(String workflowId) {
    return store.folders("").stream()
        .filter(e -> ref(e, workflowId, ReportKeys.DATA).isPresent())
        .findFirst();
  }

  private RunSummary summary(RunDocument doc) {
    return new RunSummary(
        doc.workflowId(),
        null,
        doc.workflowType(),
        doc.pipeline(),
        doc.experiment(),
        RunSummary.STORED,
        null,
        doc.written(),
        null,
        doc.headline(),
        "s3://"
            + store.bucket()
            + "/"
            + ReportKeys.folder(doc.experiment(), doc.workflowId())
            + ReportKeys.HTML,
        null,
        null);
  }
}
