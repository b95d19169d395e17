package dev.repflow.models;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A linear layer followed by a residual add, as a named stage of its own: input {@code (h, r)},
 * output {@code W h + b + r}. The ViT's attention output projection is one, so it can be addressed
 * by name (FUNGI's gradient layer) while the residual stream travels beside it.
 */
public final class ResidualLinear extends AbstractBlock {
  private static final byte VERSION = 1;

  private final Linear linear;

  public ResidualLinear(int units) {
    super(VERSION);
    linear = addChildBlock("linear", Linear.builder().setUnits(units).build());
  }

  /** The linear part (its parameters are the stage's parameters). */
  public Linear linear() {
    return linear;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList projected = linear.forward(store, new NDList(inputs.get(0)), training, params);
    return new NDList(projected.singletonOrThrow().add(inputs.get(1)));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return new Shape[] {inputs[1]};
  }

  @Override
  public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    linear.initialize(manager, dataType, inputShapes[0]);
  }
}
