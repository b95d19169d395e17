package dev.repflow.worker.cli;

import dev.repflow.artifacts.S3ArtifactStore;
import dev.repflow.artifacts.S3Settings;
import dev.repflow.worker.runs.RunCatalog;
import dev.repflow.worker.runs.StoredReports;
import dev.repflow.worker.runtime.TemporalConnection;
import dev.repflow.worker.ui.ResultsServer;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code repflow ui}: the results browser on 127.0.0.1, over a Temporal server and S3, or over an
 * embedded pair it starts (like {@code repflow dev}) so runs started against it show live.
 */
@Command(
    name = "ui",
    mixinStandardHelpOptions = true,
    description = {
      "Serves a results browser on 127.0.0.1 until Ctrl-C: runs, a run's progress, tables and"
          + " plots, and runs of one pipeline compared.",
      "Without --temporal it starts the embedded Temporal and S3 of `repflow dev` and also shows"
          + " the reports earlier runs stored under --data-dir."
    })
public final class UiCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private TemporalOptions temporal;
  @Mixin private S3Options s3;

  @Option(
      names = "--port",
      defaultValue = "8090",
      description = "Port on 127.0.0.1, 0 = any free port (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(
      names = "--temporal-port",
      defaultValue = "7233",
      description =
          "Embedded Temporal's port when --temporal is not given (default: ${DEFAULT-VALUE}).")
  private int temporalPort;

  @Option(
      names = "--s3-port",
      defaultValue = "9000",
      description = "Embedded S3's port when --temporal is not given (default: ${DEFAULT-VALUE}).")
  private int s3Port;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (temporal.embedded()) {
      try (DevStack stack = DevStack.start(temporalPort, s3Port, s3.embeddedS3Dir(), s3.bucket());
          S3ArtifactStore store =
              S3ArtifactStore.connect(
                  S3Settings.of(stack.s3().endpoint(), s3.region().id(), s3.bucket(), true)
                      .withCredentials(stack.s3().accessKey(), stack.s3().secretKey()));
          TemporalConnection connection =
              TemporalConnection.connect(stack.temporal().target(), temporal.namespace())) {
        out.println("Start runs here from other shells with:");
        out.println("  " + stack.exportCommand());
        return serve(connection, store, "embedded Temporal " + stack.temporal().target());
      }
    }
    try (StoreAccess access = StoreAccess.open(s3, true);
        TemporalConnection connection =
            TemporalConnection.connect(temporal.settings(), List.of())) {
      return serve(connection, access.store(), "Temporal " + connection.target());
    }
  }

  private int serve(TemporalConnection connection, S3ArtifactStore store, String where)
      throws Exception {
    RunCatalog catalog = new RunCatalog(connection, Pipelines.workflowTypes());
    String source = where + " and reports in s3://" + store.bucket();
    try (ResultsServer server =
        ResultsServer.start(port, catalog, new StoredReports(store), source)) {
      PrintWriter out = spec.commandLine().getOut();
      out.println("repflow ui: " + server.uri() + " (" + source + "); Ctrl-C stops it");
      out.flush();
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      stop.await();
    }
    return 0;
  }
}
