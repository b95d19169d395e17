package dev.repflow.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.repflow.data.ImageShape;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one checkpoint format: what its header and training state guard against. */
class CheckpointsTest {
  private static final ImageShape ANCHORED = new ImageShape(2, 28, 28);
  private static final Adam ADAM = new Adam(1e-3f);

  @TempDir Path tmp;

  @Test
  void trainingStateRoundTripsWithTheOptimizerThatWroteIt() {
    Path file = tmp.resolve("state.params");
    try (NDManager manager = NDManager.newBaseManager()) {
      Classifier model = save(file, ADAM, manager);
      LoadedCheckpoint loaded = Checkpoints.loadForTraining(file, plan(ADAM), manager);
      assertEquals(3, loaded.state().completedEpochs());
      assertEquals(0.5, loaded.state().trainAccuracy());
      OptimizerState buffers = loaded.state().optimizer();
      assertEquals(model.trainableParameters().size(), buffers.size());
      assertEquals(1, buffers.step());
      assertEquals(0.25f, buffers.buffer(0, 1).getFloat(0, 0, 0, 0));
      assertEquals(0f, buffers.buffer(0, 0).getFloat(0, 0, 0, 0));
      List<Parameter> before = model.parameters();
      List<Parameter> after = loaded.model().parameters();
      for (int i = 0; i < before.size(); i++) {
        assertArrayEquals(
            before.get(i).getArray().toFloatArray(), after.get(i).getArray().toFloatArray());
      }
    }
  }

  @Test
  void resumingWithAnotherOptimizerFailsNamingBoth() {
    Path file = tmp.resolve("adam.params");
    try (NDManager manager = NDManager.newBaseManager()) {
      save(file, ADAM, manager);
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> Checkpoints.loadForTraining(file, plan(new Renamed("sgd")), manager));
      assertTrue(
          e.getMessage().contains("holds adam optimizer state, but this training uses sgd"),
          e.getMessage());
    }
  }

  @Test
  void anAnchoredCheckpointDoesNotLoadAsAPlainNetwork() {
    Path file = tmp.resolve("anchored.params");
    try (NDManager manager = NDManager.newBaseManager()) {
      save(file, ADAM, manager);
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> Checkpoints.load(file, Fixtures.SMALL, 5, Backbones.FASHION_MNIST, manager));
      assertTrue(
          e.getMessage().contains("cnn-w8-e32 with 2 input channels and 5 classes, but"),
          e.getMessage());
    }
  }

  /** A network of two input channels after three epochs and one update of {@code optimizer}. */
  private static Classifier save(Path file, Optimizer optimizer, NDManager manager) {
    Classifier model = Backbones.build(Fixtures.SMALL, 5, ANCHORED);
    model.initialize(manager, 5);
    var buffers = OptimizerState.zeros(model.trainableParameters(), optimizer.slots(), manager);
    buffers.buffer(0, 1).addi(0.25f);
    buffers.advance();
    var state = new TrainingState(3, 0.5, 1.25, buffers);
    Checkpoints.save(file, model, state, optimizer);
    return model;
  }

  /** Training of the network that {@link #save} writes, with {@code optimizer}. */
  private static TrainingLoop.Plan plan(Optimizer optimizer) {
    return new TrainingLoop.Plan(Fixtures.SMALL, 5, ANCHORED, 3, 8, 1, optimizer, "");
  }

  /** Adam under another name, as another optimizer's checkpoint reader sees it. */
  private record Renamed(String name) implements Optimizer {
    @Override
    public int slots() {
      return ADAM.slots();
    }

    @Override
    public void update(OptimizerState state, List<Parameter> parameters, NDManager scratch) {
      ADAM.update(state, parameters, scratch);
    }
  }
}
