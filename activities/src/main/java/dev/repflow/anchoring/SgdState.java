package dev.repflow.anchoring;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.repflow.models.Optimizer;
import dev.repflow.models.Scalars;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * SGD with momentum and weight decay in PyTorch's form ({@code g' = g + wd w; v = m v + g'; w -= lr
 * v}), with momentum buffers and step count that go into checkpoints so resume is exact.
 */
final class SgdState implements Optimizer.State {
  private final List<NDArray> velocities;
  private long step;

  private SgdState(List<NDArray> velocities, long step) {
    this.velocities = velocities;
    this.step = step;
  }

  /** Zero buffers for {@code parameters} in {@code manager}. */
  static SgdState zeros(List<Parameter> parameters, NDManager manager) {
    List<NDArray> v = new ArrayList<>();
    for (Parameter p : parameters) {
      v.add(manager.zeros(p.getShape()));
    }
    return new SgdState(v, 0);
  }

  /** Optimizer steps taken so far: the position on the learning-rate schedule. */
  long step() {
    return step;
  }

  @Override
  public int size() {
    return velocities.size();
  }

  /**
   * One update of every parameter from its gradient, then zeroes the gradients. Temporaries live in
   * {@code scratch}, which the caller closes.
   */
  void update(
      List<Parameter> parameters,
      float learningRate,
      float momentum,
      float weightDecay,
      NDManager scratch) {
    step++;
    for (int i = 0; i < parameters.size(); i++) {
      NDArray weight = parameters.get(i).getArray();
      NDArray grad = weight.getGradient();
      grad.attach(scratch);
      NDArray v = velocities.get(i);
      v.tempAttach(scratch);
      NDArray g = weightDecay == 0 ? grad : grad.add(weight.mul(Scalars.of(weight, weightDecay)));
      v.muli(momentum).addi(g);
      weight.subi(v.mul(Scalars.of(v, learningRate)));
      grad.subi(grad);
    }
  }

  @Override
  public void write(DataOutputStream out) throws IOException {
    out.writeLong(step);
    out.writeInt(velocities.size());
    for (NDArray v : velocities) {
      out.write(v.encode());
    }
  }

  static SgdState read(DataInputStream in, NDManager manager) throws IOException {
    long step = in.readLong();
    int count = in.readInt();
    List<NDArray> v = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      v.add(manager.decode(in));
    }
    return new SgdState(v, step);
  }
}
