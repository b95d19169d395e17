package dev.repflow.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import java.util.List;

/**
 * A small pre-norm ViT: a {@value #GRID} x {@value #GRID} grid of patches (16 tokens; 7x7 patches
 * for 28x28 images), {@value #DEPTH} transformer blocks with {@value #HEADS} heads, mean-pooled
 * tokens as the embedding.
 *
 * <p>Stages: {@code patchify} [B, 16, C*P+16] (the P = (H/4)(W/4) pixels of each channel plus a
 * one-hot position, so {@code patch_embed} learns position embeddings), {@code patch_embed} [B, 16,
 * D], then per block i: {@code block<i>.attn} (LayerNorm, QKV, attention) giving (heads [B, 16, D],
 * residual), {@code block<i>.attn.proj} (the attention output projection plus the residual), {@code
 * block<i>.mlp}; {@code norm}, {@code embedding} [B, D].
 */
final class VisionTransformer {
  static final int GRID = 4;
  static final int TOKENS = GRID * GRID;
  static final int DEPTH = 2;
  static final int HEADS = 4;

  private VisionTransformer() {}

  /** The last block's attention output projection, FUNGI's default layer. */
  static String lastAttentionProjection() {
    return "block" + DEPTH + ".attn.proj";
  }

  static NamedLayers build(ModelSpec spec) {
    int d = spec.embeddingDim();
    NamedLayers layers =
        new NamedLayers()
            .add("patchify", new LambdaBlock(VisionTransformer::patchify))
            .add("patch_embed", Linear.builder().setUnits(d).build());
    for (int i = 1; i <= DEPTH; i++) {
      layers
          .add("block" + i + ".attn", attention(d))
          .add("block" + i + ".attn.proj", new ResidualLinear(d))
          .add("block" + i + ".mlp", mlp(d, spec.width()));
    }
    return layers
        .add("norm", LayerNorm.builder().axis(2).build())
        .add(
            "embedding",
            new LambdaBlock(x -> new NDList(x.singletonOrThrow().mean(new int[] {1}))));
  }

  /**
   * {@code [B, C, H, W]} to {@code [B, 16, C*(H/4)*(W/4) + 16]}: patches (channel-major within a
   * patch) with one-hot positions.
   */
  private static NDList patchify(NDList in) {
    NDArray x = in.singletonOrThrow();
    Shape s = x.getShape();
    long b = s.get(0);
    long ph = s.get(2) / GRID;
    long pw = s.get(3) / GRID;
    NDArray patches =
        x.reshape(b, s.get(1), GRID, ph, GRID, pw)
            .transpose(0, 2, 4, 1, 3, 5)
            .reshape(b, TOKENS, -1);
    NDArray positions = x.getManager().eye(TOKENS).expandDims(0).repeat(0, b);
    return new NDList(patches.concat(positions, 2));
  }

  /** (heads, residual): pre-norm multi-head self-attention before its output projection. */
  private static ParallelBlock attention(int d) {
    SequentialBlock heads =
        new SequentialBlock()
            .add(LayerNorm.builder().axis(2).build())
            .add(Linear.builder().setUnits(3L * d).build())
            .add(new LambdaBlock(x -> new NDList(selfAttention(x.singletonOrThrow(), d))));
    return new ParallelBlock(
        outs -> new NDList(outs.get(0).singletonOrThrow(), outs.get(1).singletonOrThrow()),
        List.of(heads, Blocks.identityBlock()));
  }

  /** {@code [B, T, 3D]} (q, k, v) to {@code [B, T, D]} concatenated head outputs. */
  private static NDArray selfAttention(NDArray qkv, int d) {
    long b = qkv.getShape().get(0);
    long t = qkv.getShape().get(1);
    int dh = d / HEADS;
    NDList parts = qkv.split(3, 2);
    NDArray q = parts.get(0).reshape(b, t, HEADS, dh).transpose(0, 2, 1, 3);
    NDArray k = parts.get(1).reshape(b, t, HEADS, dh).transpose(0, 2, 1, 3);
    NDArray v = parts.get(2).reshape(b, t, HEADS, dh).transpose(0, 2, 1, 3);
    NDArray weights =
        q.matMul(k.transpose(0, 1, 3, 2)).div(Scalars.of(q, Math.sqrt(dh))).softmax(-1);
    return weights.matMul(v).transpose(0, 2, 1, 3).reshape(b, t, d);
  }

  /** Pre-norm MLP with residual: x + W2 gelu(W1 LN(x)). */
  private static ParallelBlock mlp(int d, int hidden) {
    SequentialBlock branch =
        new SequentialBlock()
            .add(LayerNorm.builder().axis(2).build())
            .add(Linear.builder().setUnits(hidden).build())
            .add(Activation::gelu)
            .add(Linear.builder().setUnits(d).build());
    return new ParallelBlock(
        outs -> new NDList(outs.get(0).singletonOrThrow().add(outs.get(1).singletonOrThrow())),
        List.of(branch, Blocks.identityBlock()));
  }
}
