package dev.repflow.data;

/**
 * Turns a decoded image into the {@code [C, H, W]} pixels in [0, 1] a {@link PreprocessSpec}
 * describes: channel conversion, resize of the shorter side, center crop, scaling by 1/255. The
 * steps follow torchvision on PIL images (Pillow's luma for gray, its bilinear resize, {@code
 * CenterCrop}'s rounding). Normalisation is left to {@link Normalization}, at model input.
 */
final class Preprocessor {
  private final PreprocessSpec spec;

  Preprocessor(PreprocessSpec spec) {
    this.spec = spec;
  }

  /** Channels of the output for a decoded image with {@code channels} channels. */
  int outputChannels(int channels) {
    if (spec.channels() != null) {
      return spec.channels();
    }
    return channels <= 2 ? 1 : 3; // alpha is dropped
  }

  /**
   * The output shape for a decoded {@code height x width} image.
   *
   * @throws IllegalArgumentException when the crop does not fit the (resized) image
   */
  ImageShape shapeFor(int channels, int height, int width, String source) {
    int[] size = resized(height, width);
    if (spec.crop() != null) {
      if (spec.crop() > size[0] || spec.crop() > size[1]) {
        throw new IllegalArgumentException(
            "dataset.preprocess.crop "
                + spec.crop()
                + " is larger than image "
                + source
                + " after resizing ("
                + size[0]
                + "x"
                + size[1]
                + "); set dataset.preprocess.resize to at least the crop");
      }
      return new ImageShape(outputChannels(channels), spec.crop(), spec.crop());
    }
    return new ImageShape(outputChannels(channels), size[0], size[1]);
  }

  /**
   * @return {@code [C, H, W]} in [0, 1], C/H/W as {@link #shapeFor}
   */
  float[] apply(RawImage raw, String source) {
    ImageShape out = shapeFor(raw.channels(), raw.height(), raw.width(), source);
    int c = out.channels();
    float[] hwc = convertChannels(raw, c);
    int[] size = resized(raw.height(), raw.width());
    int h = raw.height();
    int w = raw.width();
    if (size[0] != h || size[1] != w) {
      hwc = Resize.bilinear(hwc, h, w, c, size[0], size[1]);
      h = size[0];
      w = size[1];
    }
    int top = spec.crop() == null ? 0 : (int) Math.rint((h - spec.crop()) / 2.0);
    int left = spec.crop() == null ? 0 : (int) Math.rint((w - spec.crop()) / 2.0);
    float[] chw = new float[out.values()];
    for (int ch = 0; ch < c; ch++) {
      for (int y = 0; y < out.height(); y++) {
        for (int x = 0; x < out.width(); x++) {
          float v = hwc[((y + top) * w + x + left) * c + ch];
          chw[(ch * out.height() + y) * out.width() + x] = v / 255f;
        }
      }
    }
    return chw;
  }

  /** {@code [H, W]} after resizing the shorter side (torchvision's rounding), or unchanged. */
  private int[] resized(int height, int width) {
    Integer r = spec.resize();
    if (r == null) {
      return new int[] {height, width};
    }
    if (height <= width) {
      return new int[] {r, (int) ((long) r * width / height)};
    }
    return new int[] {(int) ((long) r * height / width), r};
  }

  /** {@code [H, W, c]} values 0..255; gray from colour is Pillow's integer ITU-R 601 luma. */
  private static float[] convertChannels(RawImage raw, int c) {
    int pixels = raw.height() * raw.width();
    int in = raw.channels();
    byte[] v = raw.values();
    float[] out = new float[pixels * c];
    for (int p = 0; p < pixels; p++) {
      int at = p * in;
      if (in <= 2) {
        float gray = v[at] & 0xff;
        for (int ch = 0; ch < c; ch++) {
          out[p * c + ch] = gray;
        }
      } else if (c == 1) {
        int r = v[at] & 0xff;
        int g = v[at + 1] & 0xff;
        int b = v[at + 2] & 0xff;
        out[p] = (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
      } else {
        for (int ch = 0; ch < 3; ch++) {
          out[p * 3 + ch] = v[at + ch] & 0xff;
        }
      }
    }
    return out;
  }
}
