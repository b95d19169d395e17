package dev.repflow.models;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import dev.repflow.data.ImageShape;
import java.util.List;

/**
 * A backbone with a linear classifier head. Training runs backbone then head; embedding runs the
 * backbone alone, so the embedding is the penultimate layer of the trained network.
 */
public final class Classifier {
  /** Guards the engine's global random generator (see {@link #initialize(NDManager, long)}). */
  private static final Object ENGINE_RANDOM = new Object();

  private final ModelSpec spec;
  private final int numClasses;
  private final ImageShape input;
  private final NamedLayers backbone;
  private final Block head;
  private final SequentialBlock net;

  Classifier(ModelSpec spec, int numClasses, ImageShape input, NamedLayers backbone, Block head) {
    this.spec = spec;
    this.numClasses = numClasses;
    this.input = input;
    this.backbone = backbone;
    this.head = head;
    this.net = new SequentialBlock().add(backbone.block()).add(head);
  }

  /** The backbone's named layers; its last layer's output is the embedding. */
  public NamedLayers layers() {
    return backbone;
  }

  public ModelSpec spec() {
    return spec;
  }

  public int numClasses() {
    return numClasses;
  }

  /** Shape of one input image, e.g. {@code 2x28x28} for anchored grayscale. */
  public ImageShape input() {
    return input;
  }

  /** Channels of the input images: 1 for grayscale, 2 for anchored grayscale, 6 anchored RGB. */
  public int inputChannels() {
    return input.channels();
  }

  /**
   * Creates fresh parameters in {@code manager} drawn from {@code seed}: the same seed gives the
   * same parameters.
   */
  public void initialize(NDManager manager, long seed) {
    // The initializers draw from the engine's one global generator, which every thread of the
    // process shares: seeding and drawing must not interleave with another initialisation.
    synchronized (ENGINE_RANDOM) {
      Engine.getInstance().setRandomSeed(Long.hashCode(seed));
      initializeUnseeded(manager);
    }
  }

  /**
   * Creates parameters whose values do not matter (e.g. to read layer shapes), without disturbing a
   * seeded initialisation running in another thread.
   */
  public void initializeForShapes(NDManager manager) {
    synchronized (ENGINE_RANDOM) {
      initializeUnseeded(manager);
    }
  }

  private void initializeUnseeded(NDManager manager) {
    net.initialize(
        manager, DataType.FLOAT32, new Shape(1, input.channels(), input.height(), input.width()));
  }

  /** Backbone and head parameters, in a fixed order (BatchNorm running statistics included). */
  public List<Parameter> parameters() {
    return net.getParameters().values();
  }

  /**
   * The parameters training updates, in a fixed order: all of them except BatchNorm's running
   * statistics, which the forward pass maintains. The CNN and ViT have none, so for them this is
   * {@link #parameters()}.
   */
  public List<Parameter> trainableParameters() {
    return parameters().stream().filter(Parameter::requiresGradient).toList();
  }

  /**
   * Class scores.
   *
   * @param images {@code [B, C, H, W]} float32 of {@link #input()}'s shape
   * @return {@code [B, C]} logits
   */
  public NDArray logits(ParameterStore store, NDArray images, boolean training) {
    return net.forward(store, new NDList(images), training).singletonOrThrow();
  }

  /**
   * Class scores from an intermediate activation: runs the backbone layers after {@code
   * afterLayer}, then the head (the end of a stitched network).
   *
   * @param activation output of layer {@code afterLayer}, e.g. {@code [B, C, H, W]} or {@code [B,
   *     D]}
   * @return {@code [B, numClasses]} logits
   * @throws IllegalArgumentException when {@code afterLayer} is not a layer name
   */
  public NDArray logitsFrom(
      ParameterStore store, NDArray activation, String afterLayer, boolean training) {
    List<String> names = backbone.names();
    if (!names.contains(afterLayer)) {
      throw new IllegalArgumentException(
          "unknown layer '" + afterLayer + "' (layers: " + names + ")");
    }
    String last = names.get(names.size() - 1);
    NDArray features =
        afterLayer.equals(last)
            ? activation
            : backbone.run(store, activation, afterLayer, last, training);
    return head.forward(store, new NDList(features), training).singletonOrThrow();
  }

  /**
   * Penultimate features, inference mode.
   *
   * @param images {@code [B, C, H, W]} float32 of {@link #input()}'s shape
   * @return {@code [B, E]} embeddings, E = {@code spec().embeddingDim()}
   */
  public NDArray embed(ParameterStore store, NDArray images) {
    return backbone.block().forward(store, new NDList(images), false).singletonOrThrow();
  }

  /** The whole network (backbone then head), for saving and loading its parameters. */
  Block net() {
    return net;
  }
}
