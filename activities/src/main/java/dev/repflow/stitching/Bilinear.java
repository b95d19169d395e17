package dev.repflow.stitching;

/**
 * Bilinear resizing of feature maps with PyTorch's {@code F.interpolate(mode="bilinear",
 * align_corners=False)} sampling, for stitching conv layers of different spatial size.
 */
public final class Bilinear {
  private Bilinear() {}

  /**
   * @param maps {@code [B, C, H, W]} row-major
   * @return {@code [B, C, outH, outW]} row-major
   */
  public static float[] resize(float[] maps, int planes, int h, int w, int outH, int outW) {
    if (h == outH && w == outW) {
      return maps;
    }
    int[] y0 = new int[outH];
    int[] y1 = new int[outH];
    float[] fy = new float[outH];
    sampling(h, outH, y0, y1, fy);
    int[] x0 = new int[outW];
    int[] x1 = new int[outW];
    float[] fx = new float[outW];
    sampling(w, outW, x0, x1, fx);
    float[] out = new float[planes * outH * outW];
    for (int p = 0; p < planes; p++) {
      int in = p * h * w;
      int o = p * outH * outW;
      for (int i = 0; i < outH; i++) {
        for (int j = 0; j < outW; j++) {
          float top =
              maps[in + y0[i] * w + x0[j]] * (1 - fx[j]) + maps[in + y0[i] * w + x1[j]] * fx[j];
          float bottom =
              maps[in + y1[i] * w + x0[j]] * (1 - fx[j]) + maps[in + y1[i] * w + x1[j]] * fx[j];
          out[o + i * outW + j] = top * (1 - fy[i]) + bottom * fy[i];
        }
      }
    }
    return out;
  }

  /** Source index pairs and weights: src = max(0, (i + 0.5) * in / out - 0.5). */
  private static void sampling(int in, int out, int[] lo, int[] hi, float[] frac) {
    float scale = (float) in / out;
    for (int i = 0; i < out; i++) {
      float src = Math.max(0f, (i + 0.5f) * scale - 0.5f);
      lo[i] = Math.min((int) src, in - 1);
      hi[i] = Math.min(lo[i] + 1, in - 1);
      frac[i] = src - lo[i];
    }
  }
}
