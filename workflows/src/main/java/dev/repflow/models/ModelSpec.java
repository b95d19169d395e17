package dev.repflow.models;

/**
 * Backbone architecture.
 *
 * @param arch {@code cnn} or {@code vit} (small built-in architectures)
 * @param width cnn: channels of the first conv block (later blocks double it); vit: hidden size of
 *     the transformer MLPs
 * @param embeddingDim size of the penultimate layer, i.e. of the embeddings (vit: token width,
 *     divisible by its 4 heads)
 */
public record ModelSpec(String arch, int width, int embeddingDim) {
  public static final String CNN = "cnn";
  public static final String VIT = "vit";

  public ModelSpec {
    arch = arch == null ? CNN : arch;
    if (!arch.equals(CNN) && !arch.equals(VIT)) {
      throw new IllegalArgumentException(
          "model.arch: unknown architecture '" + arch + "' (known: cnn, vit)");
    }
    width = width == 0 ? 32 : width;
    embeddingDim = embeddingDim == 0 ? 128 : embeddingDim;
    if (width < 1 || width > 512) {
      throw new IllegalArgumentException("model.width must be in 1..512, got " + width);
    }
    if (embeddingDim < 2 || embeddingDim > 8192) {
      throw new IllegalArgumentException(
          "model.embeddingDim must be in 2..8192, got " + embeddingDim);
    }
    if (arch.equals(VIT) && embeddingDim % 4 != 0) {
      throw new IllegalArgumentException(
          "model.embeddingDim must be divisible by the ViT's 4 heads, got " + embeddingDim);
    }
  }

  /**
   * Short label for tables, search attributes and artifact attributes, e.g. {@code cnn-w32-e128}.
   */
  public String label() {
    return arch + "-w" + width + "-e" + embeddingDim;
  }
}
