package dev.repflow.models;

import java.util.List;

/**
 * Backbone architecture.
 *
 * @param arch {@code cnn} or {@code vit} (small built-in architectures for any image size; the ViT
 *     needs sides divisible by 4), or {@code resnet18} (the CIFAR ResNet-18 of the anchoring paper:
 *     3x3 stem, no max-pool, four stages of two basic blocks with BatchNorm, global average pool)
 * @param width cnn: channels of the first conv block (later blocks double it); vit: hidden size of
 *     the transformer MLPs; resnet18: channels of the first stage (default 64, later stages double
 *     it)
 * @param embeddingDim size of the penultimate layer, i.e. of the embeddings (vit: token width,
 *     divisible by its 4 heads; resnet18: always 8 x width)
 */
public record ModelSpec(String arch, int width, int embeddingDim) {
  public static final String CNN = "cnn";
  public static final String VIT = "vit";
  public static final String RESNET18 = "resnet18";
  public static final List<String> ARCHITECTURES = List.of(CNN, VIT, RESNET18);

  public ModelSpec {
    arch = arch == null ? CNN : arch;
    if (!ARCHITECTURES.contains(arch)) {
      throw new IllegalArgumentException(
          "model.arch: unknown architecture '" + arch + "' (known: " + ARCHITECTURES + ")");
    }
    width = width == 0 ? (arch.equals(RESNET18) ? 64 : 32) : width;
    if (width < 1 || width > 512) {
      throw new IllegalArgumentException("model.width must be in 1..512, got " + width);
    }
    if (arch.equals(RESNET18)) {
      if (embeddingDim != 0 && embeddingDim != 8 * width) {
        throw new IllegalArgumentException(
            "model.embeddingDim of resnet18 is 8 x model.width = "
                + 8 * width
                + ", got "
                + embeddingDim
                + " (leave it out)");
      }
      embeddingDim = 8 * width;
    }
    embeddingDim = embeddingDim == 0 ? 128 : embeddingDim;
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
