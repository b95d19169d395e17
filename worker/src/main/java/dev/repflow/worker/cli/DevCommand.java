package dev.repflow.worker.cli;

import dev.repflow.common.RepflowSearchAttributes;
import dev.repflow.worker.runtime.EmbeddedTemporal;
import io.temporal.common.SearchAttributeKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code repflow dev}: a local Temporal + S3 for other shells and workers, until Ctrl-C. */
@Command(
    name = "dev",
    description = {
      "Run an embedded Temporal server and S3 until Ctrl-C, and print how to use them.",
      "Both listen on loopback only: the Temporal server has no TLS and no authentication."
    })
public final class DevCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--listen",
      paramLabel = "ADDR",
      defaultValue = EmbeddedTemporal.LOOPBACK,
      description =
          "Address both servers listen on (default: ${DEFAULT-VALUE}). Anything else lets other"
              + " machines start workflows without credentials: only on a network you trust.")
  private String listen;

  @Option(
      names = "--temporal-port",
      defaultValue = "7233",
      description = "Temporal gRPC port, 0 = any free port (default: ${DEFAULT-VALUE}).")
  private int temporalPort;

  @Option(
      names = "--s3-port",
      defaultValue = "9000",
      description = "S3 port, 0 = any free port (default: ${DEFAULT-VALUE}).")
  private int s3Port;

  @Option(
      names = "--bucket",
      defaultValue = S3Options.DEFAULT_BUCKET,
      description = "Bucket to create (default: ${DEFAULT-VALUE}).")
  private String bucket;

  @Option(
      names = "--data-dir",
      defaultValue = S3Options.DEFAULT_DATA_DIR,
      description = "Folder for S3 objects, under s3/ (default: ${DEFAULT-VALUE}).")
  private Path dataDir;

  /** Runs until Ctrl-C (a shutdown hook closes the stack) or until this thread is interrupted. */
  @Override
  public Integer call() {
    boolean interrupted = false;
    if (!DevStack.isLoopback(listen)) {
      spec.commandLine()
          .getErr()
          .println(
              "warning: --listen "
                  + listen
                  + ": the embedded Temporal server has no TLS and no authentication; anyone who"
                  + " reaches it can start workflows that read files under the workers' data roots"
                  + " and load TorchScript code. S3 gets a random secret (printed below).");
      spec.commandLine().getErr().flush();
    }
    try (DevStack stack =
        DevStack.start(listen, temporalPort, s3Port, dataDir.resolve("s3"), bucket)) {
      Thread hook = new Thread(stack::close, "repflow-dev-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      printSummary(stack, spec.commandLine().getOut());
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        interrupted = true;
      } finally {
        removeHook(hook);
      }
    }
    if (interrupted) {
      // Restored only now: with the flag set, Jetty's stop would be cut short.
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  static void printSummary(DevStack stack, PrintWriter out) {
    String attributes =
        RepflowSearchAttributes.ALL.stream()
            .map(SearchAttributeKey::getName)
            .collect(Collectors.joining(", "));
    out.println("repflow dev: embedded Temporal and S3 are running; Ctrl-C stops both.");
    out.printf(
        "  Temporal  %s  namespace %s (in memory: workflows are gone when this stops)%n",
        stack.temporal().target(), EmbeddedTemporal.NAMESPACE);
    out.printf(
        "  S3        %s  bucket %s (objects in %s)%n",
        stack.s3().endpoint(), stack.bucket(), stack.s3().dataDir());
    out.printf(
        "  Search attributes %s: %s%n",
        stack.temporal().searchAttributesRegistered() ? "registered" : "NOT registered",
        attributes);
    out.println("Point other shells and workers here with:");
    out.println("  " + stack.exportCommand());
    out.println("or, with the AWS_* variables above, the flags:");
    out.println("  " + stack.flags());
    out.flush();
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running or has run; it closes the stack itself.
    }
  }
}
