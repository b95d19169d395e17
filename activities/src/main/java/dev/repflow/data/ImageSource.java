package dev.repflow.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The selected samples of one split (labels and source indices known, pixels not yet decoded), and
 * the ways to get their pixels: a few at a time ({@link #load}), all at once when they fit in
 * memory ({@link #loadAll}), or streamed in batches decoded ahead in parallel ({@link #batches}).
 * Image files are decoded on {@link DecodePool}'s threads; rates are logged.
 */
public final class ImageSource {
  private static final Logger log = LoggerFactory.getLogger(ImageSource.class);
  private static final int CHUNK = 16;
  private static final int LOGGED_LOADS = 1024; // smaller loads are batches: their callers log
  private static final long LOG_EVERY_NANOS = 5_000_000_000L;

  private final String what;
  private final SampleReader reader;
  private final int[] rows;
  private final PreprocessSpec preprocess;
  private final Preprocessor preprocessor;
  private final boolean skipUnreadable;
  private ImageShape shape;
  private final Set<Integer> skipped = new HashSet<>(); // rows, each counted once

  ImageSource(String what, SampleReader reader, int[] rows, DatasetSpec spec) {
    this.what = what;
    this.reader = reader;
    this.rows = rows;
    this.preprocess = spec.preprocess();
    this.preprocessor = new Preprocessor(spec.preprocess());
    this.skipUnreadable = spec.onError().equals(DatasetSpec.SKIP);
  }

  /** Selected samples N. */
  public int size() {
    return rows.length;
  }

  /** {@code [N]} class ids of the selected samples. */
  public int[] labels() {
    return Arrays.stream(rows).map(reader::label).toArray();
  }

  /** {@code [N]} positions of the selected samples in the split's source order. */
  public int[] indices() {
    return rows.clone();
  }

  /** Shape of every image after preprocessing, from the first readable image. */
  public synchronized ImageShape shape() {
    if (shape == null) {
      for (int k = 0; k < rows.length && shape == null; k++) {
        RawImage first = decode(rows[k]);
        if (first != null) {
          shape = shapeOf(first, rows[k]);
        }
      }
      if (shape == null) {
        throw new IllegalArgumentException(what + ": no image could be decoded");
      }
    }
    return shape;
  }

  /** What turns pixels into model input. */
  public Normalization normalization() {
    return Normalization.of(preprocess, shape().channels());
  }

  /** Images skipped so far as unreadable ({@code dataset.onError: skip}). */
  public synchronized int skipped() {
    return skipped.size();
  }

  /**
   * Decodes the samples at {@code positions} (0..N-1), in that order; unreadable ones are left out
   * under {@code dataset.onError: skip}.
   */
  public ImageSet load(int[] positions, ReadProgress progress) {
    ImageShape s = shape();
    float[][] images = new float[positions.length][];
    long begin = System.nanoTime();
    if (reader.decodesFiles() && positions.length > 1) {
      List<Future<?>> chunks = new ArrayList<>();
      for (int from = 0; from < positions.length; from += CHUNK) {
        int start = from;
        int end = Math.min(positions.length, from + CHUNK);
        chunks.add(
            DecodePool.THREADS.submit(
                () -> {
                  for (int k = start; k < end; k++) {
                    images[k] = preprocessed(rows[positions[k]], s);
                  }
                }));
      }
      long lastLog = begin;
      for (int c = 0; c < chunks.size(); c++) {
        await(chunks, c);
        int done = Math.min(positions.length, (c + 1) * CHUNK);
        long now = System.nanoTime();
        if (now - lastLog > LOG_EVERY_NANOS || done == positions.length) {
          double rate = done / ((now - begin) / 1e9);
          progress.onRead(done, positions.length, rate);
          if (positions.length >= LOGGED_LOADS) {
            log.info(
                "{}: decoded {}/{} images ({} images/s)",
                what,
                done,
                positions.length,
                String.format(Locale.ROOT, "%.0f", rate));
          }
          lastLog = now;
        }
      }
    } else {
      // Arrays in memory (IDX, CIFAR, npy): nothing worth reporting.
      for (int k = 0; k < positions.length; k++) {
        images[k] = preprocessed(rows[positions[k]], s);
      }
    }
    return assemble(positions, images, s);
  }

  /**
   * Decodes every selected sample.
   *
   * @param purpose what needs them all in memory, for the error message
   * @throws IllegalArgumentException when they need more than half of the heap
   */
  public ImageSet loadAll(String purpose, ReadProgress progress) {
    long bytes = (long) rows.length * shape().values() * Float.BYTES;
    long limit = Runtime.getRuntime().maxMemory() / 2;
    if (bytes > limit) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s: %s holds all %d images of %s in memory (%d MiB), more than half the heap (%d"
                  + " MiB); lower dataset.trainPerClass/testPerClass or dataset.preprocess.resize,"
                  + " or give the JVM more memory (REPFLOW_JAVA_OPTS=-Xmx...)",
              what,
              purpose,
              rows.length,
              shape().label(),
              bytes >> 20,
              limit >> 20));
    }
    int[] all = new int[rows.length];
    Arrays.setAll(all, i -> i);
    return load(all, progress);
  }

  /**
   * The selected images in order, {@code batchSize} at a time; the next batch is decoded while the
   * caller works on the current one, so at most two batches are in memory.
   */
  public ImageBatches batches(int batchSize) {
    return new ImageBatches(this, batchSize);
  }

  @Override
  public String toString() {
    return what;
  }

  private float[] preprocessed(int row, ImageShape expected) {
    RawImage raw = decode(row);
    if (raw == null) {
      return null;
    }
    ImageShape actual = shapeOf(raw, row);
    if (!actual.equals(expected)) {
      throw new IllegalArgumentException(
          String.format(
              "%s: images differ in size after preprocessing: %s is %s but the first image is %s;"
                  + " set dataset.preprocess.resize and crop to give them one size",
              what, reader.source(row), actual.label(), expected.label()));
    }
    return preprocessor.apply(raw, reader.source(row));
  }

  private ImageShape shapeOf(RawImage raw, int row) {
    return preprocessor.shapeFor(raw.channels(), raw.height(), raw.width(), reader.source(row));
  }

  /** The decoded image, or null when it is unreadable and the policy skips it. */
  private RawImage decode(int row) {
    try {
      return reader.read(row);
    } catch (UnreadableImageException e) {
      if (!skipUnreadable) {
        throw e.withHint("dataset.onError: skip leaves such images out");
      }
      synchronized (this) {
        if (skipped.add(row) && skipped.size() <= 5) {
          log.warn("{}: skipping unreadable image: {}", what, e.getMessage());
        }
      }
      return null;
    }
  }

  private ImageSet assemble(int[] positions, float[][] images, ImageShape s) {
    int kept = (int) Arrays.stream(images).filter(i -> i != null).count();
    float[] pixels = new float[kept * s.values()];
    int[] labels = new int[kept];
    int[] indices = new int[kept];
    int k = 0;
    for (int p = 0; p < positions.length; p++) {
      if (images[p] != null) {
        System.arraycopy(images[p], 0, pixels, k * s.values(), s.values());
        labels[k] = reader.label(rows[positions[p]]);
        indices[k] = rows[positions[p]];
        k++;
      }
    }
    return new ImageSet(pixels, s, labels, indices, Normalization.of(preprocess, s.channels()));
  }

  /** Waits for chunk {@code c}; on failure cancels the chunks not started yet and rethrows. */
  private static void await(List<Future<?>> chunks, int c) {
    try {
      chunks.get(c).get();
    } catch (InterruptedException e) {
      chunks.forEach(f -> f.cancel(false));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while decoding images", e);
    } catch (ExecutionException e) {
      chunks.forEach(f -> f.cancel(false));
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
