package dev.repflow.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.common.WorkflowExecutionHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StepTimingsTest {
  @Test
  void oneTimingPerActivityOfARecordedRun() throws Exception {
    WorkflowExecutionHistory history =
        WorkflowExecutionHistory.fromJson(
            Files.readString(
                Path.of("../workflows/src/test/resources/histories/transfer-eval-v1.json")));
    Timings timings = StepTimings.of(history);

    assertEquals(7, timings.steps().size());
    assertTrue(timings.steps().stream().allMatch(s -> s.outcome().equals("completed")));
    assertTrue(timings.steps().stream().allMatch(s -> s.attempts() == 1));
    assertEquals("PretrainBackbone", timings.steps().get(2).activity());
    assertTrue(timings.wallSeconds() >= timings.activitySeconds());
  }
}
