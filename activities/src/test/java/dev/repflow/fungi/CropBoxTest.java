package dev.repflow.fungi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.repflow.testing.PythonReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crop boxes and their bicubic resize, against PIL and torchvision (Debian's python3). */
class CropBoxTest {
  @TempDir Path dir;

  @Test
  void bicubicResizeMatchesPilAndTorchvisionAntialiased() {
    float[] image = new float[28 * 28];
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < image.length; i++) {
      image[i] = (float) random.nextDouble();
    }
    // {top, left, height, width, outH, outW}: identity, enlarging (as crops are), shrinking
    int[][] cases = {
      {0, 0, 28, 28, 28, 28}, {3, 5, 9, 12, 28, 28}, {20, 1, 6, 7, 28, 28}, {2, 0, 26, 28, 11, 9}
    };
    List<float[]> resized = new ArrayList<>();
    for (int[] c : cases) {
      float[] out = new float[c[4] * c[5]];
      Bicubic.resize(image, 28, new CropBox(c[0], c[1], c[2], c[3]), c[4], c[5], out, 0);
      resized.add(out);
    }
    StringBuilder python =
        new StringBuilder(
            """
            import torch
            from PIL import Image
            from torchvision.transforms import functional as TF, InterpolationMode
            img = %s.reshape(28, 28)
            worst_pil, worst_torch = 0.0, 0.0
            """
                .formatted(PythonReference.floats(dir.resolve("image.f32"), image)));
    for (int k = 0; k < cases.length; k++) {
      int[] c = cases[k];
      python.append(
          """
          t, l, h, w, oh, ow = %s
          java = %s.reshape(oh, ow)
          pil = np.asarray(Image.fromarray(img, mode='F').crop((l, t, l + w, t + h))
              .resize((ow, oh), Image.BICUBIC))
          tv = TF.resized_crop(torch.from_numpy(img)[None], t, l, h, w, [oh, ow],
              InterpolationMode.BICUBIC, antialias=True)[0].numpy()
          worst_pil = max(worst_pil, float(np.abs(pil - java).max()))
          worst_torch = max(worst_torch, float(np.abs(tv - java).max()))
          """
              .formatted(
                  Arrays.toString(c),
                  PythonReference.floats(dir.resolve("java" + k + ".f32"), resized.get(k))));
    }
    python.append("print(worst_pil, worst_torch)\n");

    double[] worst = PythonReference.run(python.toString());

    assertTrue(worst[0] < 1e-5, "max |Java - PIL| " + worst[0]);
    assertTrue(worst[1] < 1e-5, "max |Java - torchvision| " + worst[1]);
  }

  @Test
  void randomResizedBoxesFitTheImageAndFollowTheScaleAndRatioRanges() {
    SplittableRandom random = new SplittableRandom(3);
    double areaShare = 0;
    int draws = 2000;
    for (int i = 0; i < draws; i++) {
      CropBox b = CropBox.randomResized(random, 28, 28, 0.05, 0.25);
      assertTrue(b.top() + b.height() <= 28 && b.left() + b.width() <= 28, b.toString());
      double ratio = (double) b.width() / b.height();
      // sides are rounded, so bounds hold up to half a pixel on each side
      assertTrue(ratio > 0.75 * 0.8 && ratio < 4.0 / 3 / 0.8, b.toString());
      double share = (double) b.width() * b.height() / (28 * 28);
      assertTrue(share > 0.03 && share < 0.3, b.toString());
      areaShare += share / draws;
    }
    assertEquals(0.15, areaShare, 0.01);
  }

  @Test
  void dinoCropsAreAFunctionOfSeedAndSampleOnly() {
    try (NDManager manager = NDManager.newBaseManager()) {
      DinoObjective a = new DinoObjective(manager, new DinoObjectiveSpec(8, 0, 0, 4, 5L), 4);
      DinoObjective b = new DinoObjective(manager, new DinoObjectiveSpec(8, 0, 0, 4, 5L), 4);
      assertEquals(a.crops(17, 28, 28), b.crops(17, 28, 28));
      assertTrue(!a.crops(17, 28, 28).equals(a.crops(18, 28, 28)));
      List<CropBox> crops = a.crops(17, 28, 28);
      assertEquals(6, crops.size());
      for (int v = 0; v < crops.size(); v++) {
        double share = crops.get(v).height() * crops.get(v).width() / (28.0 * 28);
        assertTrue(
            v < DinoObjective.GLOBAL_CROPS ? share > 0.2 : share < 0.3, v + ": " + crops.get(v));
      }
    }
  }
}
