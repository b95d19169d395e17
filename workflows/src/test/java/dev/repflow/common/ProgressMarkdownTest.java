package dev.repflow.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.repflow.common.StageStatus.State;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressMarkdownTest {
  @Test
  void groupsStagesByTheirFirstWordAndNamesWhatRuns() {
    List<StageStatus> stages = new ArrayList<>();
    stages.add(new StageStatus("train standard", State.DONE, ""));
    stages.add(new StageStatus("train anchored-a0.00", State.CACHED, ""));
    for (int i = 0; i < 6; i++) {
      State state = i < 5 ? State.RUNNING : State.PENDING;
      stages.add(new StageStatus("infer standard c" + i, state, ""));
    }
    stages.add(new StageStatus("report", State.FAILED, "no space"));

    String md = ProgressMarkdown.of(new PipelineProgress("AnchoringWorkflow", stages));

    assertEquals(
        String.join(
            "\n",
            "**AnchoringWorkflow**: 3 of 9 stages finished",
            "",
            "| stages | done | cached | running | pending | failed |",
            "|---|--:|--:|--:|--:|--:|",
            "| train (2) | 1 | 1 | 0 | 0 | 0 |",
            "| infer (6) | 0 | 0 | 5 | 1 | 0 |",
            "| report | 0 | 0 | 0 | 0 | 1 |",
            "",
            "Running: `infer standard c0` `infer standard c1` `infer standard c2`"
                + " `infer standard c3` and 1 more"),
        md);
  }

  @Test
  void groupIsTheFirstWordOrHyphenatedPart() {
    assertEquals("embed", ProgressMarkdown.group("embed-train"));
    assertEquals("batch", ProgressMarkdown.group("batch 3/9"));
    assertEquals("report.html", ProgressMarkdown.group("report.html"));
  }
}
