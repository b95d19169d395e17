package dev.repflow.worker.cli;

import dev.repflow.reports.ReportKeys;
import dev.repflow.worker.runs.RunCatalog;
import dev.repflow.worker.runs.RunSummary;
import dev.repflow.worker.runs.StoredReports;
import dev.repflow.worker.runtime.TemporalConnection;
import java.awt.Desktop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code repflow report ID}: fetches a run's HTML report from S3 (sha256 verified), saves it and
 * prints its path; {@code --open} opens it in the browser.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Saves a run's report page (one self-contained HTML file) and prints its path.",
      "Finds it through the run's memo with --temporal, else among the reports stored in S3."
    })
public final class ReportCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private TemporalOptions temporal;
  @Mixin private S3Options s3;

  @Parameters(index = "0", paramLabel = "WORKFLOW_ID")
  private String workflowId;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Where to save it (default:" + " <data-dir>/reports/<id>.html).")
  private Path out;

  @Option(names = "--open", description = "Open the saved page in the default browser.")
  private boolean open;

  @Override
  public Integer call() {
    Optional<String> reportUri = temporal.embedded() ? Optional.empty() : memoReport();
    String html;
    try (StoreAccess access = StoreAccess.open(s3, true)) {
      StoredReports stored = new StoredReports(access.store());
      html =
          reportUri
              .flatMap(stored::text)
              .or(() -> stored.html(workflowId).flatMap(ref -> stored.text(ref.uri())))
              .orElseThrow(
                  () ->
                      new UsageException(
                          "no report for "
                              + workflowId
                              + " in bucket "
                              + access.store().bucket()
                              + " (a run writes it as its last step)"));
    }
    Path file =
        out != null
            ? out
            : s3.dataDir().resolve("reports").resolve(ReportKeys.segment(workflowId) + ".html");
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, html);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    spec.commandLine().getOut().println(file.toAbsolutePath());
    spec.commandLine().getOut().flush();
    if (open) {
      openInBrowser(file);
    }
    return 0;
  }

  /** The report URI in the run's memo, if the server knows the run and it wrote one. */
  private Optional<String> memoReport() {
    try (TemporalConnection connection =
        TemporalConnection.connect(temporal.settings(), List.of())) {
      Optional<RunSummary> run =
          new RunCatalog(connection, Pipelines.workflowTypes()).find(workflowId);
      if (run.isPresent() && run.get().report() == null) {
        throw new UsageException(
            workflowId + " has no report yet (" + run.get().status() + "); a run writes it last");
      }
      return run.map(RunSummary::report);
    }
  }

  private void openInBrowser(Path file) {
    try {
      if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
        Desktop.getDesktop().browse(file.toUri());
      } else {
        new ProcessBuilder("xdg-open", file.toAbsolutePath().toString()).inheritIO().start();
      }
    } catch (IOException | UnsupportedOperationException e) {
      spec.commandLine()
          .getErr()
          .println(
              "repflow: cannot open a browser here ("
                  + e.getMessage()
                  + "); open the file above yourself");
    }
  }
}
