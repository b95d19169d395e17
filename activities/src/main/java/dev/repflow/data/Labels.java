package dev.repflow.data;

/** Checks on class ids read from dataset files. */
final class Labels {
  private Labels() {}

  /**
   * @param where the file and position, for the message
   * @throws IllegalArgumentException when {@code label} is not a class id of the dataset
   */
  static void require(long label, int numClasses, String where) {
    if (label < 0 || label >= numClasses) {
      throw new IllegalArgumentException(
          where
              + " is "
              + label
              + ", outside the dataset's classes 0.."
              + (numClasses - 1)
              + " (dataset.numClasses)");
    }
  }
}
