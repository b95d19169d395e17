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
 * The buffers of an {@link Optimizer}, a fixed number of slots per parameter each shaped like it
 * (Adam's two moments, SGD's momentum), and its step count: what a checkpoint stores so a resumed
 * training continues exactly where it stopped.
 *
 * <p>DJL's own optimizers keep their state private and keyed by per-run parameter ids, so a run
 * resumed from a checkpoint would restart them from zero and drift from an uninterrupted run.
 */
public final class OptimizerState {
  private final int slots;

  /** Parameter-major: parameter 0's slots, then parameter 1's, ... */
  private final List<NDArray> buffers;

  private long step;

  private OptimizerState(int slots, List<NDArray> buffers, long step) {
    this.slots = slots;
    this.buffers = buffers;
    this.step = step;
  }

  /** Zero buffers, {@code slots} per parameter, created in {@code manager}; step 0. */
  public static OptimizerState zeros(List<Parameter> parameters, int slots, NDManager manager) {
    List<NDArray> buffers = new ArrayList<>();
    for (Parameter p : parameters) {
      for (int s = 0; s < slots; s++) {
        buffers.add(manager.zeros(p.getShape()));
      }
    }
    return new OptimizerState(slots, buffers, 0);
  }

  /** Buffer {@code slot} of parameter {@code parameter}, shaped like it. */
  public NDArray buffer(int parameter, int slot) {
    return buffers.get(parameter * slots + slot);
  }

  /** Updates taken so far, e.g. the position on a learning-rate schedule. */
  public long step() {
    return step;
  }

  /** Counts the update about to be made; returns its 1-based number. */
  public long advance() {
    return ++step;
  }

  /** Number of parameters the state holds buffers for. */
  public int size() {
    return buffers.size() / slots;
  }

  /** Buffers per parameter. */
  int slots() {
    return slots;
  }

  void write(DataOutputStream out) throws IOException {
    out.writeLong(step);
    out.writeInt(slots);
    out.writeInt(buffers.size());
    for (NDArray buffer : buffers) {
      // NDArray.encode is self-describing (dtype, shape) and lossless.
      out.write(buffer.encode());
    }
  }

  static OptimizerState read(DataInputStream in, NDManager manager) throws IOException {
    long step = in.readLong();
    int slots = in.readInt();
    int count = in.readInt();
    List<NDArray> buffers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      buffers.add(manager.decode(in));
    }
    return new OptimizerState(slots, buffers, step);
  }
}
