package dev.repflow.anchoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnchoringSpecTest {

  @Test
  void fillsDefaults() {
    AnchoringSpec spec =
        new AnchoringSpec(
            null,
            "x",
            null,
            null,
            new AnchorTraining(2, 64, null, null, null, 1, null, null),
            null,
            null,
            null);

    assertEquals(0.05, spec.train().learningRate());
    assertEquals(0.9, spec.train().momentum());
    assertEquals(
        List.of("standard", "anchored-a0.00", "anchored-a0.25"),
        spec.train().variants().stream().map(ModelVariant::name).toList());
    assertEquals(17, spec.corruptions().types().size());
    assertEquals(List.of(1, 2, 3, 4, 5), spec.corruptions().severities());
    assertEquals(1, spec.inference().anchors());
    assertEquals(20, spec.inference().eceBins());
    assertEquals("logits", spec.inference().average());
  }

  @Test
  void badValuesFailNamingKeyAndValue() {
    assertMessage(
        "train.alphas: alpha 1.5 is outside [0, 1]",
        () -> new AnchorTraining(1, 8, null, null, null, 1, List.of(0.0, 1.5), null));
    assertMessage(
        "train.alphas: alpha -0.1 is outside [0, 1]",
        () -> new AnchorTraining(1, 8, null, null, null, 1, List.of(-0.1), null));
    assertMessage(
        "corruptions.types: unknown corruption 'frost'",
        () -> new CorruptionSpec(List.of("fog", "frost"), null, null, null));
    assertMessage(
        "corruptions.severities: severity 6 is outside 1..5",
        () -> new CorruptionSpec(null, List.of(1, 6), null, null));
    assertMessage(
        "corruptions.severities: severity 0 is outside 1..5",
        () -> new CorruptionSpec(null, List.of(0), null, null));
    assertMessage(
        "inference.anchors must be in 1..100, got -2",
        () -> new InferenceSpec(-2, null, null, 0, 0));
    assertMessage(
        "inference.average must be 'logits' or 'softmax', got 'median'",
        () -> new InferenceSpec(3, "median", null, 0, 0));
    assertMessage(
        "pipeline: expected 'anchoring'",
        () -> new AnchoringSpec("transfer", "x", null, null, null, null, null, null));
  }

  private static void assertMessage(String expected, Runnable build) {
    var e = assertThrows(IllegalArgumentException.class, build::run);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
