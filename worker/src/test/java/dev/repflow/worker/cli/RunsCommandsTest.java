package dev.repflow.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.repflow.common.TaskQueues;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * status, list and report on a cluster, for a run repflow started and for one started the way
 * `temporal workflow start` does it (no memo, no search attributes).
 */
class RunsCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void runsStartedEitherWayAreFollowedListedAndReported() throws Exception {
    try (LocalCluster cluster = new LocalCluster(dir)) {
      CliRun started =
          cluster.cli(
              true,
              "run",
              RunCommandTest.TINY,
              "--no-worker",
              "--detach",
              "-o",
              "json",
              "--workflow-id",
              "from-cli");
      assertEquals(0, started.exitCode(), started.toString());
      JsonNode id = JSON.readTree(started.out());
      assertEquals("from-cli", id.get("workflowId").asText(), started.toString());
      assertEquals(1, id.size(), "only the id: " + started.out());

      CliRun followed = cluster.cli(false, "status", "from-cli", "--follow");
      assertEquals(0, followed.exitCode(), followed.toString());
      assertTrue(followed.out().startsWith("from-cli: COMPLETED"), followed.toString());
      assertTrue(followed.out().matches("(?s).*embeddings\\s+16\\s+0\\.\\d{4}.*"), followed.out());
      assertTrue(
          followed
              .out()
              .contains("Report    s3://team-bucket/cli-test/reports/from-cli/report.html"),
          followed.out());

      JsonNode input = JSON.readTree(CliRun.execute("spec", RunCommandTest.TINY).out());
      WorkflowStub bare =
          cluster
              .connection()
              .client()
              .newUntypedWorkflowStub(
                  "TransferEvalWorkflow",
                  WorkflowOptions.newBuilder()
                      .setWorkflowId("from-temporal-cli")
                      .setTaskQueue(TaskQueues.CPU)
                      .build());
      bare.start(input);
      bare.getResult(JsonNode.class);

      CliRun status = cluster.cli(false, "status", "from-temporal-cli");
      assertEquals(0, status.exitCode(), status.toString());
      assertTrue(status.out().matches("(?s).*pixels\\s+784\\s+0\\.\\d{4}.*"), status.out());

      CliRun asJson = cluster.cli(false, "status", "from-temporal-cli", "-o", "json");
      assertEquals(0, asJson.exitCode(), asJson.toString());
      JsonNode s = JSON.readTree(asJson.out());
      assertEquals("COMPLETED", s.at("/run/status").asText());
      assertEquals("transfer", s.at("/run/pipeline").asText(), "memo written by the workflow");
      assertEquals("cli-test", s.at("/run/experiment").asText());
      double accuracy = s.at("/result/evaluations/0/accuracy").asDouble();
      assertEquals(accuracy, s.at("/run/headline/0/value").asDouble());
      assertEquals(5, s.at("/spec/evaluate/k").asInt());

      CliRun list = cluster.cli(false, "list");
      assertEquals(0, list.exitCode(), list.toString());
      String headline = String.format(Locale.ROOT, "knn embeddings / accuracy = %.4f", accuracy);
      assertTrue(
          list.out()
              .lines()
              .anyMatch(
                  l ->
                      l.startsWith("from-temporal-cli")
                          && l.contains("transfer")
                          && l.contains("COMPLETED")
                          && l.contains(headline)),
          list.out());
      assertTrue(list.out().lines().anyMatch(l -> l.startsWith("from-cli ")), list.out());

      Path saved = dir.resolve("report.html");
      CliRun report = cluster.cli(true, "report", "from-temporal-cli", "--out", saved.toString());
      assertEquals(0, report.exitCode(), report.toString());
      assertEquals(saved.toAbsolutePath().toString(), report.out().strip());
      String html = Files.readString(saved);
      assertTrue(html.contains(String.format(Locale.ROOT, "%.4f", accuracy)), html);

      CliRun stored =
          CliRun.execute(
              "list", "--s3-endpoint", cluster.s3Endpoint(), "--bucket", LocalCluster.BUCKET);
      assertEquals(0, stored.exitCode(), stored.toString());
      assertTrue(
          stored.out().lines().anyMatch(l -> l.startsWith("from-cli ") && l.contains("STORED")),
          stored.out());

      CliRun unknown = cluster.cli(false, "status", "no-such-run");
      assertEquals(RepflowCli.EXIT_FAILURE, unknown.exitCode(), unknown.toString());
      assertTrue(unknown.err().contains("no run with workflow id no-such-run"), unknown.toString());
    }
  }
}
