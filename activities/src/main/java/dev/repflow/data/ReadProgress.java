package dev.repflow.data;

/**
 * Progress of reading images, e.g. for heartbeats while a large folder is decoded. Only formats
 * that decode image files report; arrays already in memory do not.
 */
@FunctionalInterface
public interface ReadProgress {

  /**
   * @param done images decoded so far
   * @param total images to decode
   * @param imagesPerSecond decoding rate so far
   */
  void onRead(int done, int total, double imagesPerSecond);

  /** Ignores all events (the reader logs its own progress). */
  static ReadProgress none() {
    return (done, total, rate) -> {};
  }
}
