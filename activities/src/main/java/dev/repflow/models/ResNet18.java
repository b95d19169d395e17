package dev.repflow.models;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import java.util.List;

/**
 * The CIFAR ResNet-18 the anchoring paper trains (LLNL/anchoring {@code CIFAR/utils/models/
 * resnet.py}): a 3x3 stem without max-pool, four stages of two basic blocks (3x3 convolutions
 * without bias, BatchNorm, ReLU, a 1x1 projection shortcut where the shape changes), global average
 * pooling. With width w: stages of w, 2w, 4w, 8w channels, strides 1, 2, 2, 2; the embedding has 8w
 * values (512 at the paper's w = 64).
 *
 * <p>Stages: {@code stem} [B, w, H, W], {@code layer1} [B, w, H, W], {@code layer2} [B, 2w, H/2,
 * W/2], {@code layer3} [B, 4w, H/4, W/4], {@code layer4} [B, 8w, H/8, W/8], {@code embedding} [B,
 * 8w] (mean over positions; the reference's {@code avg_pool2d(out, 4)} for 32x32 input).
 */
final class ResNet18 {
  private ResNet18() {}

  static NamedLayers build(ModelSpec spec) {
    int w = spec.width();
    NamedLayers layers =
        new NamedLayers()
            .add(
                "stem",
                new SequentialBlock()
                    .add(conv(w, 3, 1))
                    .add(BatchNorm.builder().build())
                    .add(Activation::relu));
    int in = w;
    for (int stage = 0; stage < 4; stage++) {
      int planes = w << stage;
      int stride = stage == 0 ? 1 : 2;
      layers.add(
          "layer" + (stage + 1),
          new SequentialBlock().add(block(in, planes, stride)).add(block(planes, planes, 1)));
      in = planes;
    }
    return layers.add(
        "embedding",
        // libtorch's mean takes one axis at a time here: W, then H.
        new LambdaBlock(
            x -> new NDList(x.singletonOrThrow().mean(new int[] {3}).mean(new int[] {2}))));
  }

  /** Basic block: relu(bn(conv(relu(bn(conv(x))))) + shortcut(x)). */
  private static Block block(int in, int planes, int stride) {
    SequentialBlock branch =
        new SequentialBlock()
            .add(conv(planes, 3, stride))
            .add(BatchNorm.builder().build())
            .add(Activation::relu)
            .add(conv(planes, 3, 1))
            .add(BatchNorm.builder().build());
    Block shortcut =
        stride == 1 && in == planes
            ? Blocks.identityBlock()
            : new SequentialBlock().add(conv(planes, 1, stride)).add(BatchNorm.builder().build());
    return new SequentialBlock()
        .add(
            new ParallelBlock(
                outs ->
                    new NDList(outs.get(0).singletonOrThrow().add(outs.get(1).singletonOrThrow())),
                List.of(branch, shortcut)))
        .add(Activation::relu);
  }

  private static Conv2d conv(int filters, int kernel, int stride) {
    return Conv2d.builder()
        .setKernelShape(new Shape(kernel, kernel))
        .optStride(new Shape(stride, stride))
        .optPadding(new Shape(kernel / 2, kernel / 2))
        .setFilters(filters)
        .optBias(false)
        .build();
  }
}
