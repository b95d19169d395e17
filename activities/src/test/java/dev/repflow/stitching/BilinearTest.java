package dev.repflow.stitching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.repflow.testing.RandomMatrices;
import org.junit.jupiter.api.Test;

class BilinearTest {

  @Test
  void matchesTorchInterpolateWithoutAlignedCorners() {
    double[][] maps = RandomMatrices.gaussian(2 * 3, 14 * 14, 1); // [B*C, H*W]
    float[] input = new float[2 * 3 * 14 * 14];
    double[] flat = NumpyReference.flat(maps);
    for (int i = 0; i < flat.length; i++) {
      input[i] = (float) flat[i];
    }
    double[] expected =
        NumpyReference.run(
            "import torch\n"
                + "t = torch.tensor(A.reshape(2, 3, 14, 14), dtype=torch.float32)\n"
                + "for h, w in [(7, 7), (28, 28), (5, 9)]:\n"
                + "    r = torch.nn.functional.interpolate(t, size=(h, w), mode='bilinear',"
                + " align_corners=False)\n"
                + "    print(' '.join(repr(float(v)) for v in r.flatten()))",
            maps);
    int offset = 0;
    for (int[] size : new int[][] {{7, 7}, {28, 28}, {5, 9}}) {
      float[] actual = Bilinear.resize(input, 6, 14, 14, size[0], size[1]);
      double[] want = new double[actual.length];
      System.arraycopy(expected, offset, want, 0, actual.length);
      offset += actual.length;
      double[] got = new double[actual.length];
      for (int i = 0; i < got.length; i++) {
        got[i] = actual[i];
      }
      assertArrayEquals(want, got, 1e-5);
    }
  }
}
