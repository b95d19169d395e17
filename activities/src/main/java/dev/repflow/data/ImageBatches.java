package dev.repflow.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An image source's samples in order, one batch at a time, with the next batch decoded in the
 * background while the caller computes on the current one. Close it to stop the prefetching.
 */
public final class ImageBatches implements Iterator<ImageSet>, AutoCloseable {
  private final ImageSource source;
  private final int batchSize;
  private final ExecutorService prefetch =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "repflow-prefetch");
            t.setDaemon(true);
            return t;
          });
  private int next;
  private CompletableFuture<ImageSet> ahead;
  private long begin;
  private int delivered;

  ImageBatches(ImageSource source, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
    }
    this.source = source;
    this.batchSize = batchSize;
  }

  /** Number of batches. */
  public int count() {
    return (source.size() + batchSize - 1) / batchSize;
  }

  @Override
  public boolean hasNext() {
    return next < source.size();
  }

  @Override
  public ImageSet next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    if (begin == 0) {
      begin = System.nanoTime();
    }
    ImageSet batch = ahead == null ? load(next) : await(ahead);
    next = Math.min(source.size(), next + batchSize);
    int from = next;
    ahead = hasNext() ? CompletableFuture.supplyAsync(() -> load(from), prefetch) : null;
    delivered += batch.size();
    return batch;
  }

  /** Images delivered per second since the first batch was asked for. */
  public double imagesPerSecond() {
    return begin == 0 ? 0 : delivered / ((System.nanoTime() - begin) / 1e9);
  }

  @Override
  public void close() {
    prefetch.shutdownNow();
  }

  /** The prefetched batch, or the exception its decoding threw (e.g. naming a corrupt file). */
  private static ImageSet await(CompletableFuture<ImageSet> batch) {
    try {
      return batch.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private ImageSet load(int from) {
    int to = Math.min(source.size(), from + batchSize);
    int[] positions = new int[to - from];
    for (int k = 0; k < positions.length; k++) {
      positions[k] = from + k;
    }
    return source.load(positions, ReadProgress.none());
  }
}
