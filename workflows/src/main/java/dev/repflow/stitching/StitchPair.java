package dev.repflow.stitching;

/**
 * Stitch the front of f (up to and including {@code frontLayer}) to the end of g (after {@code
 * endLayer}).
 *
 * @param front model name of f
 * @param end model name of g
 */
public record StitchPair(String front, String frontLayer, String end, String endLayer) {
  public StitchPair {
    if (front == null || end == null || frontLayer == null || endLayer == null) {
      throw new IllegalArgumentException(
          "pairs[]: front, frontLayer, end and endLayer are required");
    }
  }

  /** e.g. {@code A.pool2->B.pool2}. */
  public String label() {
    return front + "." + frontLayer + "->" + end + "." + endLayer;
  }
}
