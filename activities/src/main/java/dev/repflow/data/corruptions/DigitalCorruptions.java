package dev.repflow.data.corruptions;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Contrast, brightness, pixelation, JPEG artefacts and elastic warping. */
final class DigitalCorruptions {
  private static final double[] CONTRAST = {0.4, 0.3, 0.2, 0.1, 0.05};
  private static final double[] BRIGHTNESS = {0.1, 0.2, 0.3, 0.4, 0.5};
  private static final int[] PIXELATE_BLOCK = {2, 3, 4, 5, 6};
  private static final float[] JPEG_QUALITY = {0.6f, 0.4f, 0.25f, 0.15f, 0.08f};
  private static final double[] ELASTIC_SHIFT = {1.0, 1.5, 2.0, 2.5, 3.0};

  private DigitalCorruptions() {}

  /** Pulls every pixel toward the image mean. */
  static float[] contrast(float[] x, int h, int w, int s, Random random) {
    double mean = 0;
    for (float v : x) {
      mean += v / x.length;
    }
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = (float) ((x[i] - mean) * CONTRAST[s - 1] + mean);
    }
    return Filters.clip(out);
  }

  /** Adds a constant (CIFAR-10-C adds it to the HSV value channel; gray has only that). */
  static float[] brightness(float[] x, int h, int w, int s, Random random) {
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = (float) (x[i] + BRIGHTNESS[s - 1]);
    }
    return Filters.clip(out);
  }

  /** Replaces every b x b block by its mean (b grows with severity; edge blocks may be smaller). */
  static float[] pixelate(float[] x, int h, int w, int s, Random random) {
    int b = PIXELATE_BLOCK[s - 1];
    float[] out = new float[x.length];
    for (int y0 = 0; y0 < h; y0 += b) {
      for (int x0 = 0; x0 < w; x0 += b) {
        int y1 = Math.min(h, y0 + b);
        int x1 = Math.min(w, x0 + b);
        double sum = 0;
        for (int y = y0; y < y1; y++) {
          for (int xx = x0; xx < x1; xx++) {
            sum += x[y * w + xx];
          }
        }
        float mean = (float) (sum / ((y1 - y0) * (x1 - x0)));
        for (int y = y0; y < y1; y++) {
          for (int xx = x0; xx < x1; xx++) {
            out[y * w + xx] = mean;
          }
        }
      }
    }
    return out;
  }

  /** Encodes as a grayscale JPEG at falling quality and decodes again. */
  static float[] jpeg(float[] x, int h, int w, int s, Random random) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < h; y++) {
      for (int xx = 0; xx < w; xx++) {
        image.getRaster().setSample(xx, y, 0, Math.round(x[y * w + xx] * 255));
      }
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY[s - 1]);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG encoding failed", e);
    } finally {
      writer.dispose();
    }
    try {
      BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
      float[] out = new float[x.length];
      for (int y = 0; y < h; y++) {
        for (int xx = 0; xx < w; xx++) {
          out[y * w + xx] = decoded.getRaster().getSample(xx, y, 0) / 255f;
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG decoding failed", e);
    }
  }

  /**
   * Moves pixels along a smooth random displacement field whose largest shift grows with severity
   * (Simard et al.'s elastic distortion).
   */
  static float[] elastic(float[] x, int h, int w, int s, Random random) {
    float[][] kernel = Filters.gaussianKernel(3.0);
    float[] dy = field(h, w, kernel, random);
    float[] dx = field(h, w, kernel, random);
    double shift = ELASTIC_SHIFT[s - 1];
    float[] out = new float[x.length];
    for (int y = 0; y < h; y++) {
      for (int xx = 0; xx < w; xx++) {
        int i = y * w + xx;
        out[i] = Filters.sample(x, h, w, y + shift * dy[i], xx + shift * dx[i]);
      }
    }
    return Filters.clip(out);
  }

  /** Smoothed uniform noise scaled so its largest magnitude is 1. */
  private static float[] field(int h, int w, float[][] kernel, Random random) {
    float[] noise = new float[h * w];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = random.nextFloat() * 2 - 1;
    }
    float[] smooth = Filters.convolve(noise, h, w, kernel);
    float max = 1e-6f;
    for (float v : smooth) {
      max = Math.max(max, Math.abs(v));
    }
    for (int i = 0; i < smooth.length; i++) {
      smooth[i] /= max;
    }
    return smooth;
  }
}
