package dev.repflow.data;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes PNG and JPEG files with the JDK's {@code javax.imageio}, keeping the stored 8-bit values
 * (gray stays one channel, without the colour-space conversion {@code getRGB} would apply).
 * Warnings such as a truncated JPEG, which ImageIO would otherwise paper over with gray pixels, are
 * failures. Safe to call from many threads at once: every call has its own reader.
 */
final class ImageFiles {
  static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg");

  static {
    ImageIO.setUseCache(false); // decode in memory, no temp files
  }

  private ImageFiles() {}

  /** True for names ending in .png, .jpg or .jpeg (any case). */
  static boolean isImage(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1));
  }

  /**
   * @throws UnreadableImageException naming the file when it is not a PNG/JPEG ImageIO can decode
   */
  static RawImage decode(Path file) {
    List<String> warnings = new ArrayList<>();
    BufferedImage image;
    try (ImageInputStream in = ImageIO.createImageInputStream(Files.newInputStream(file))) {
      ImageReader reader = readerFor(in, file);
      try {
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        reader.setInput(in, true, true);
        image = reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof UnreadableImageException u) {
        throw u;
      }
      throw new UnreadableImageException(file.toString(), String.valueOf(e.getMessage()), e);
    }
    if (!warnings.isEmpty()) {
      throw new UnreadableImageException(file.toString(), String.join("; ", warnings), null);
    }
    return toRaw(image);
  }

  /** Height and width from the header alone, without decoding the pixels. */
  static int[] size(Path file) {
    try (ImageInputStream in = ImageIO.createImageInputStream(Files.newInputStream(file))) {
      ImageReader reader = readerFor(in, file);
      try {
        reader.setInput(in, true, true);
        return new int[] {reader.getHeight(0), reader.getWidth(0)};
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof UnreadableImageException u) {
        throw u;
      }
      throw new UnreadableImageException(file.toString(), String.valueOf(e.getMessage()), e);
    }
  }

  private static ImageReader readerFor(ImageInputStream in, Path file) {
    if (in == null) {
      throw new UnreadableImageException(file.toString(), "cannot open", null);
    }
    Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
    if (!readers.hasNext()) {
      throw new UnreadableImageException(file.toString(), "not a PNG or JPEG image", null);
    }
    return readers.next();
  }

  private static RawImage toRaw(BufferedImage image) {
    int h = image.getHeight();
    int w = image.getWidth();
    Raster raster = image.getRaster();
    int type = image.getType();
    if (type == BufferedImage.TYPE_BYTE_GRAY || type == BufferedImage.TYPE_3BYTE_BGR) {
      byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
      if (type == BufferedImage.TYPE_BYTE_GRAY && data.length == h * w) {
        return new RawImage(data.clone(), h, w, 1);
      }
      if (type == BufferedImage.TYPE_3BYTE_BGR && data.length == h * w * 3) {
        byte[] rgb = new byte[data.length];
        for (int p = 0; p < h * w; p++) {
          rgb[p * 3] = data[p * 3 + 2];
          rgb[p * 3 + 1] = data[p * 3 + 1];
          rgb[p * 3 + 2] = data[p * 3];
        }
        return new RawImage(rgb, h, w, 3);
      }
    }
    if (image.getColorModel().getNumColorComponents() == 1) {
      // Gray of other depths (16-bit, with alpha): the stored samples, scaled to 8 bits.
      int bits = image.getColorModel().getComponentSize(0);
      int[] samples = raster.getSamples(0, 0, w, h, 0, (int[]) null);
      byte[] gray = new byte[h * w];
      for (int p = 0; p < gray.length; p++) {
        gray[p] = (byte) (bits > 8 ? samples[p] >> (bits - 8) : samples[p]);
      }
      return new RawImage(gray, h, w, 1);
    }
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    byte[] rgb = new byte[h * w * 3];
    for (int p = 0; p < argb.length; p++) {
      rgb[p * 3] = (byte) (argb[p] >> 16);
      rgb[p * 3 + 1] = (byte) (argb[p] >> 8);
      rgb[p * 3 + 2] = (byte) argb[p];
    }
    return new RawImage(rgb, h, w, 3);
  }
}
