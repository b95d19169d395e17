package dev.repflow.models;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.repflow.artifacts.Sha256;
import dev.repflow.data.ImageShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A user's backbone exported by {@code tools/fungi_export.py}: three TorchScript parts in one
 * folder, {@code front.pt} (images to the gradient layer's input, plus the residual stream when the
 * layer sits inside a residual block), {@code layer.pt} (an {@code nn.Linear}) and {@code tail.pt}
 * (layer output, and residual, to the embedding), described by {@code parts.json}.
 *
 * <p>Parts are loaded with {@code trainParam=true}: without it libtorch holds inference tensors and
 * refuses the backward pass through the tail that FUNGI's gradients need.
 */
public final class TorchScriptParts implements AutoCloseable {
  static final List<String> PARTS = List.of("front", "layer", "tail");

  private final PartsManifest manifest;
  private final List<Model> models;

  private TorchScriptParts(PartsManifest manifest, List<Model> models) {
    this.manifest = manifest;
    this.models = models;
  }

  /**
   * Loads and checks the parts in {@code dir}, and describes them for later steps.
   *
   * @throws IllegalArgumentException naming the file when a part is missing or not loadable, the
   *     layer is not linear, or the manifest does not match the layer
   */
  public static BackboneRef.TorchScript inspect(Path dir) {
    Map<String, String> sums = checksums(dir);
    PartsManifest m = PartsManifest.read(dir);
    try (TorchScriptParts parts = open(dir, m)) {
      Shape w = parts.weightShape();
      if (w.get(0) != m.layerShape().get(0) || w.get(1) != m.layerShape().get(1)) {
        throw new IllegalArgumentException(
            "torchscript: layer.pt's weight is "
                + w
                + " but parts.json says layer_shape "
                + m.layerShape());
      }
    }
    return new BackboneRef.TorchScript(
        dir.toString(), sums, m.inputShape(), m.layer(), m.layerShape(), m.embeddingDim());
  }

  /**
   * The input shape {@code parts.json} declares, without loading the parts (a cheap check before a
   * run starts).
   *
   * @throws IllegalArgumentException when the manifest is missing or malformed
   */
  public static ImageShape declaredInput(Path dir) {
    return PartsManifest.read(dir).inputShape();
  }

  /** The gradient layer {@code parts.json} names, without loading the parts. */
  public static String declaredLayer(Path dir) {
    return PartsManifest.read(dir).layer();
  }

  /**
   * Loads the parts a run inspected.
   *
   * @throws IllegalArgumentException when the files changed since (checksums differ)
   */
  public static TorchScriptParts load(BackboneRef.TorchScript ref) {
    Path dir = Path.of(ref.dir());
    Map<String, String> now = checksums(dir);
    if (!now.equals(ref.checksums())) {
      throw new IllegalArgumentException(
          "torchscript: the files in "
              + dir
              + " changed since this run inspected them (checksums differ); start the run again");
    }
    return open(dir, PartsManifest.read(dir));
  }

  /** What {@code parts.json} says about the parts. */
  public PartsManifest manifest() {
    return manifest;
  }

  /** The gradient layer's name in the original network. */
  public String layerName() {
    return manifest.layer();
  }

  /** Weight shape {@code [out, in]}. */
  public Shape weightShape() {
    return parameters().get("weight").getArray().getShape();
  }

  /** The layer's {@code weight} and {@code bias}. */
  public PairList<String, Parameter> parameters() {
    return block(1).getParameters();
  }

  /**
   * @param images {@code [B, C, H, W]}
   * @return {@code h [B, ..., in]}, then the residual stream when the tail needs it; ordinary
   *     tensors (not inference tensors), so they can take part in autograd
   */
  public NDList front(ParameterStore store, NDArray images) {
    NDList out = block(0).forward(store, new NDList(images), false);
    NDList copies = new NDList();
    for (NDArray a : out) {
      copies.add(a.duplicate());
      a.close();
    }
    return copies;
  }

  /** {@code [B, ..., in]} to {@code [B, ..., out]}. */
  public NDArray apply(ParameterStore store, NDArray inputs) {
    NDArray inference = block(1).forward(store, new NDList(inputs), false).singletonOrThrow();
    NDArray copy = inference.duplicate();
    inference.close();
    return copy;
  }

  /**
   * @param outputs layer outputs {@code [B, ..., out]}
   * @param front what {@link #front} returned (its residual stream, if any, is the second input)
   * @param withGradient true when a gradient must flow back through the tail
   * @return {@code [B, D]} embeddings
   */
  public NDArray tail(ParameterStore store, NDArray outputs, NDList front, boolean withGradient) {
    NDList inputs = new NDList(outputs);
    for (int i = 1; i < front.size(); i++) {
      inputs.add(front.get(i));
    }
    // DJL runs a TorchScript module with training=false under libtorch's inference mode, which
    // records no graph. A traced graph has its eval-mode behaviour (dropout off, BatchNorm running
    // statistics) baked in, so the flag changes nothing else.
    return block(2).forward(store, inputs, withGradient).singletonOrThrow();
  }

  /** Embeddings {@code [B, D]} of images {@code [B, C, H, W]}, without gradients. */
  public NDArray embed(ParameterStore store, NDArray images) {
    NDList h = front(store, images);
    return tail(store, apply(store, h.get(0)), h, false);
  }

  @Override
  public void close() {
    models.forEach(Model::close);
  }

  private Block block(int part) {
    return models.get(part).getBlock();
  }

  private static TorchScriptParts open(Path dir, PartsManifest manifest) {
    List<Model> models = new ArrayList<>();
    try {
      for (String part : PARTS) {
        Path file = dir.resolve(part + ".pt");
        Model model = Model.newInstance(part, "PyTorch");
        models.add(model);
        try {
          model.load(dir, part, Map.of("trainParam", "true"));
        } catch (IOException | MalformedModelException | RuntimeException e) {
          throw new IllegalArgumentException(
              "torchscript: " + file + " is not a loadable TorchScript module: " + e.getMessage(),
              e);
        }
      }
      TorchScriptParts parts = new TorchScriptParts(manifest, models);
      PairList<String, Parameter> p = parts.parameters();
      if (p.get("weight") == null || p.get("bias") == null) {
        throw new IllegalArgumentException(
            "torchscript: "
                + dir.resolve("layer.pt")
                + " is not a linear layer with weight and bias (parameters: "
                + p.keys()
                + ")");
      }
      return parts;
    } catch (RuntimeException e) {
      models.forEach(Model::close);
      throw e;
    }
  }

  /** File name to sha256 for the parts and the manifest, for cache keys. */
  private static Map<String, String> checksums(Path dir) {
    Map<String, String> sums = new TreeMap<>();
    for (String name : List.of("front.pt", "layer.pt", "tail.pt", PartsManifest.FILE)) {
      Path file = dir.resolve(name);
      if (!Files.isReadable(file)) {
        throw new IllegalArgumentException(
            "torchscript: backbone file "
                + file
                + " is missing or unreadable (export it with tools/fungi_export.py)");
      }
      sums.put(name, Sha256.of(file));
    }
    return sums;
  }
}
