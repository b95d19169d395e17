package dev.repflow.data;

/**
 * The samples of one split of one dataset, in source order, as their files store them. Readers
 * check what they can when opened (files present, sizes, labels in range), so bad input fails
 * before any decoding starts; {@link #read} decodes one image.
 */
interface SampleReader {

  /** Samples in the split. */
  int size();

  /** Class id of sample {@code i}, already checked to be in range. */
  int label(int i);

  /**
   * Decodes sample {@code i}.
   *
   * @throws UnreadableImageException naming the file when it cannot be decoded
   */
  RawImage read(int i);

  /** Where sample {@code i} comes from, for messages: a file, or a file and record number. */
  String source(int i);

  /** True when decoding is real work (image files) worth spreading over threads. */
  default boolean decodesFiles() {
    return false;
  }
}
