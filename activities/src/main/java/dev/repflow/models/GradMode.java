package dev.repflow.models;

import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's autograd switch, which is per thread.
 *
 * <p>A new thread starts with gradients on, and DJL's gradient collector restores whatever mode it
 * found when it closes. Activities run on worker threads, so without this the optimizer's in-place
 * updates would run with autograd on and PyTorch rejects them ("a leaf Variable that requires grad
 * is being used in an in-place operation"); inference would build graphs it never uses. repflow
 * runs only on the PyTorch engine, hence the engine-specific call.
 */
public final class GradMode {
  private GradMode() {}

  /** Turns autograd off on the calling thread; gradient collectors turn it on while they live. */
  public static void offOnThisThread() {
    JniUtils.setGradMode(false);
  }
}
