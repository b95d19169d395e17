package dev.repflow.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sequential network whose stages have names, so methods can run part of it: up to a layer
 * (stitching fronts, FUNGI's layer inputs), from a layer on (stitching ends, FUNGI's tails), or one
 * layer alone.
 */
public final class NamedLayers {
  private final Map<String, Block> stages = new LinkedHashMap<>();
  private final SequentialBlock sequence = new SequentialBlock();

  /** Appends a stage; names are unique. */
  public NamedLayers add(String name, Block block) {
    if (stages.putIfAbsent(name, block) != null) {
      throw new IllegalArgumentException("duplicate layer name " + name);
    }
    sequence.add(block);
    return this;
  }

  /** Layer names in forward order. */
  public List<String> names() {
    return List.copyOf(stages.keySet());
  }

  /** The block of one stage. */
  public Block layer(String name) {
    Block block = stages.get(name);
    if (block == null) {
      throw new IllegalArgumentException("unknown layer '" + name + "' (layers: " + names() + ")");
    }
    return block;
  }

  /**
   * Runs the stages after {@code after} up to and including {@code through}.
   *
   * @param after stage whose output {@code x} is, or null when {@code x} is the network input
   * @param through last stage to run
   */
  public NDArray run(
      ParameterStore store, NDArray x, String after, String through, boolean training) {
    return runList(store, new NDList(x), after, through, training).singletonOrThrow();
  }

  /**
   * Like {@link #run} for stages that pass more than one array (e.g. a ViT's attention stage hands
   * its heads and the residual stream to the output projection).
   */
  public NDList runList(
      ParameterStore store, NDList x, String after, String through, boolean training) {
    int from = after == null ? 0 : indexOf(after) + 1;
    int to = indexOf(through);
    if (to < from) {
      throw new IllegalArgumentException(
          "layer '" + through + "' does not come after '" + after + "'");
    }
    NDList current = x;
    List<Block> blocks = new ArrayList<>(stages.values());
    for (int i = from; i <= to; i++) {
      current = blocks.get(i).forward(store, current, training);
    }
    return current;
  }

  /** The whole sequence as one block (initialization, parameters, saving). */
  Block block() {
    return sequence;
  }

  private int indexOf(String name) {
    int i = names().indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("unknown layer '" + name + "' (layers: " + names() + ")");
    }
    return i;
  }
}
