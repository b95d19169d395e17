package dev.repflow.models;

/**
 * Backbone architecture.
 *
 * @param arch {@code cnn} (built in; more architectures come with later pipelines)
 * @param width channels of the first conv block; later blocks double it
 * @param embeddingDim size of the penultimate layer, i.e. of the embeddings
 */
public record ModelSpec(String arch, int width, int embeddingDim) {
  public static final String CNN = "cnn";

  public ModelSpec {
    arch = arch == null ? CNN : arch;
    if (!arch.equals(CNN)) {
      throw new IllegalArgumentException(
          "model.arch: unknown architecture '" + arch + "' (known: cnn)");
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
  }

  /**
   * Short label for tables, search attributes and artifact attributes, e.g. {@code cnn-w32-e128}.
   */
  public String label() {
    return arch + "-w" + width + "-e" + embeddingDim;
  }
}
