package dev.repflow.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam (Kingma and Ba, with bias correction, as in PyTorch) whose moments can be saved.
 *
 * <p>DJL's own Adam keeps its moments private and keyed by per-run parameter ids, so a run resumed
 * from a checkpoint would restart them from zero and drift from an uninterrupted run. Keeping them
 * here and storing them in the checkpoint makes resume exact.
 */
public final class AdamState implements Optimizer.State {
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-8f;

  private final List<NDArray> means;
  private final List<NDArray> variances;
  private int step;

  private AdamState(List<NDArray> means, List<NDArray> variances, int step) {
    this.means = means;
    this.variances = variances;
    this.step = step;
  }

  /** Zero moments for {@code parameters}, created in {@code manager}. */
  public static AdamState zeros(List<Parameter> parameters, NDManager manager) {
    List<NDArray> means = new ArrayList<>();
    List<NDArray> variances = new ArrayList<>();
    for (Parameter p : parameters) {
      means.add(manager.zeros(p.getShape()));
      variances.add(manager.zeros(p.getShape()));
    }
    return new AdamState(means, variances, 0);
  }

  /**
   * One update of every parameter from its gradient, then zeroes the gradients (DJL accumulates
   * them across backward passes). Temporaries live in {@code scratch}, which the caller closes.
   */
  public void update(List<Parameter> parameters, float learningRate, NDManager scratch) {
    step++;
    float correction1 = 1 - (float) Math.pow(BETA1, step);
    float correction2 = 1 - (float) Math.pow(BETA2, step);
    for (int i = 0; i < parameters.size(); i++) {
      NDArray weight = parameters.get(i).getArray();
      NDArray grad = weight.getGradient();
      grad.attach(scratch);
      NDArray m = means.get(i);
      NDArray v = variances.get(i);
      // Results of m and v's own ops would land in their long-lived manager; lend them to scratch.
      m.tempAttach(scratch);
      v.tempAttach(scratch);
      m.muli(BETA1).addi(grad.mul(Scalars.of(grad, 1 - BETA1)));
      v.muli(BETA2).addi(grad.square().muli(1 - BETA2));
      NDArray denominator = v.div(Scalars.of(v, correction2)).sqrt().addi(EPSILON);
      weight.subi(m.div(Scalars.of(m, correction1)).divi(denominator).muli(learningRate));
      grad.subi(grad);
    }
  }

  @Override
  public void write(DataOutputStream out) throws IOException {
    out.writeInt(step);
    out.writeInt(means.size());
    for (int i = 0; i < means.size(); i++) {
      // NDArray.encode is self-describing (dtype, shape) and lossless.
      out.write(means.get(i).encode());
      out.write(variances.get(i).encode());
    }
  }

  static AdamState read(DataInputStream in, NDManager manager) throws IOException {
    int step = in.readInt();
    int count = in.readInt();
    List<NDArray> means = new ArrayList<>();
    List<NDArray> variances = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      means.add(manager.decode(in));
      variances.add(manager.decode(in));
    }
    return new AdamState(means, variances, step);
  }

  /** Number of moment pairs, one per parameter. */
  @Override
  public int size() {
    return means.size();
  }
}
