package dev.repflow.fungi;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A user's backbone exported by {@code tools/fungi_export.py} as three TorchScript parts in one
 * folder: {@code front.pt}, {@code layer.pt} (an nn.Linear), {@code tail.pt}. They are loaded with
 * {@code trainParam=true}: without it libtorch holds inference tensors and refuses the backward
 * pass through the tail.
 */
public final class TorchScriptCut implements BackboneCut, AutoCloseable {
  static final List<String> PARTS = List.of("front", "layer", "tail");

  private final List<Model> models;
  private final Block front;
  private final Block layer;
  private final Block tail;

  private TorchScriptCut(List<Model> models) {
    this.models = models;
    this.front = models.get(0).getBlock();
    this.layer = models.get(1).getBlock();
    this.tail = models.get(2).getBlock();
  }

  /**
   * @throws IllegalArgumentException naming the file when a part is missing or unreadable
   */
  public static TorchScriptCut load(Path dir) {
    List<Model> models = new java.util.ArrayList<>();
    try {
      for (String part : PARTS) {
        Path file = dir.resolve(part + ".pt");
        if (!Files.isReadable(file)) {
          throw new IllegalArgumentException(
              "backbone file "
                  + file
                  + " is missing or unreadable (export it with"
                  + " tools/fungi_export.py)");
        }
        Model model = Model.newInstance(part, "PyTorch");
        models.add(model);
        try {
          model.load(dir, part, Map.of("trainParam", "true"));
        } catch (IOException | MalformedModelException | RuntimeException e) {
          throw new IllegalArgumentException(
              "backbone file " + file + " is not a loadable TorchScript module: " + e.getMessage(),
              e);
        }
      }
      TorchScriptCut cut = new TorchScriptCut(models);
      if (cut.parameters().get("weight") == null || cut.parameters().get("bias") == null) {
        throw new IllegalArgumentException(
            "backbone file "
                + dir.resolve("layer.pt")
                + " is not a linear layer with weight and"
                + " bias (parameters: "
                + cut.parameters().keys()
                + ")");
      }
      return cut;
    } catch (RuntimeException e) {
      models.forEach(Model::close);
      throw e;
    }
  }

  @Override
  public String layer() {
    return "layer";
  }

  @Override
  public Shape weightShape() {
    return parameters().get("weight").getArray().getShape();
  }

  @Override
  public PairList<String, Parameter> parameters() {
    return layer.getParameters();
  }

  @Override
  public NDList front(ParameterStore store, NDArray images) {
    return new NDList(normal(front.forward(store, new NDList(images), false).singletonOrThrow()));
  }

  @Override
  public NDArray apply(ParameterStore store, NDArray inputs) {
    return normal(layer.forward(store, new NDList(inputs), false).singletonOrThrow());
  }

  @Override
  public NDArray tail(ParameterStore store, NDArray outputs, NDList front) {
    // DJL runs a TorchScript module with training=false under libtorch's inference mode, which
    // records no graph; the gradient must flow back through the tail. A traced graph has its
    // eval-mode behaviour (dropout off, BatchNorm running statistics) baked in, so the flag changes
    // nothing else.
    return tail.forward(store, new NDList(outputs), true).singletonOrThrow();
  }

  /**
   * A copy made outside inference mode: inference tensors cannot take part in autograd (the
   * gradient w.r.t. z needs h and z as ordinary tensors).
   */
  private static NDArray normal(NDArray inference) {
    NDArray copy = inference.duplicate();
    inference.close();
    return copy;
  }

  @Override
  public void close() {
    models.forEach(Model::close);
  }
}
