package dev.repflow.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.worker.runtime.EmbeddedS3;
import dev.repflow.worker.runtime.TemporalConnection;
import dev.repflow.worker.runtime.TemporalConnectionException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DevCommandTest {
  private static final Pattern EXPORT =
      Pattern.compile(
          "export REPFLOW_TEMPORAL=(\\S+) REPFLOW_S3_ENDPOINT=(\\S+) AWS_ACCESS_KEY_ID=repflow"
              + " AWS_SECRET_ACCESS_KEY=repflow-secret AWS_REGION=us-east-1");

  private static final Pattern ANY_EXPORT =
      Pattern.compile(
          "export REPFLOW_TEMPORAL=(\\S+) REPFLOW_S3_ENDPOINT=(\\S+) AWS_ACCESS_KEY_ID=repflow"
              + " AWS_SECRET_ACCESS_KEY=(\\S+) ");

  @TempDir Path dir;

  @Test
  void runsTheStackUntilInterruptedAndPrintsHowToUseIt() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cli = RepflowCli.commandLine().setOut(new PrintWriter(out, true));
    AtomicInteger exit = new AtomicInteger(-1);
    Thread thread =
        new Thread(
            () ->
                exit.set(
                    cli.execute(
                        "dev",
                        "--temporal-port",
                        "0",
                        "--s3-port",
                        "0",
                        "--data-dir",
                        dir.toString())));
    thread.start();
    Matcher export = awaitExportLine(out);

    String target = export.group(1);
    URI s3 = URI.create(export.group(2));
    assertTrue(out.toString().contains("Search attributes registered"), out.toString());
    assertTrue(Files.isDirectory(dir.resolve("s3").resolve("repflow")), "bucket folder");
    try (TemporalConnection connection = TemporalConnection.connect(target, "default")) {
      assertTrue(connection.searchAttributes().ensureRegistered());
    }

    thread.interrupt();
    thread.join(10_000);
    assertFalse(thread.isAlive());
    assertEquals(0, exit.get());
    assertThrows(
        TemporalConnectionException.class, () -> TemporalConnection.connect(target, "default"));
    assertThrows(Exception.class, () -> s3.toURL().openConnection().getInputStream().close());
  }

  @Test
  void portInUseIsOneLineError() throws Exception {
    try (EmbeddedS3 taken = EmbeddedS3.start(0, dir.resolve("s3"))) {
      StringWriter err = new StringWriter();
      int code =
          RepflowCli.commandLine()
              .setErr(new PrintWriter(err, true))
              .execute(
                  "dev",
                  "--temporal-port",
                  "0",
                  "--s3-port",
                  String.valueOf(taken.port()),
                  "--data-dir",
                  dir.toString());

      assertEquals(RepflowCli.EXIT_FAILURE, code);
      assertTrue(
          err.toString().startsWith("repflow: cannot start embedded S3 on 127.0.0.1:"),
          err.toString());
      assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }
  }

  @Test
  void listeningBeyondLoopbackWarnsAndReplacesTheFixedS3Secret() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli =
        RepflowCli.commandLine()
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true));
    Thread thread =
        new Thread(
            () ->
                cli.execute(
                    "dev",
                    "--listen",
                    "0.0.0.0",
                    "--temporal-port",
                    "0",
                    "--s3-port",
                    "0",
                    "--data-dir",
                    dir.toString()));
    thread.start();
    Matcher export = awaitLine(out, ANY_EXPORT);

    assertTrue(err.toString().startsWith("warning: --listen 0.0.0.0:"), err.toString());
    assertTrue(err.toString().contains("no TLS and no authentication"), err.toString());
    String secret = export.group(3);
    assertFalse(secret.equals(EmbeddedS3.SECRET_KEY), "the published development secret");
    assertTrue(secret.length() >= 32, secret);
    try (TemporalConnection connection = TemporalConnection.connect(export.group(1), "default")) {
      assertTrue(connection.searchAttributes().ensureRegistered());
    }
    thread.interrupt();
    thread.join(10_000);
    assertFalse(thread.isAlive());
  }

  private static Matcher awaitExportLine(StringWriter out) throws InterruptedException {
    return awaitLine(out, EXPORT);
  }

  private static Matcher awaitLine(StringWriter out, Pattern line) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      Matcher m = line.matcher(out.toString());
      if (m.find()) {
        return m;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no export line in: " + out);
  }
}
