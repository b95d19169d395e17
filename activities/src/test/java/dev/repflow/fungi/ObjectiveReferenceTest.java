package dev.repflow.fungi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.Datasets;
import dev.repflow.data.ImageSet;
import dev.repflow.data.ImageSource;
import dev.repflow.data.Permutations;
import dev.repflow.data.Split;
import dev.repflow.testing.PythonReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * repflow's FUNGI features ({@link GradientFeatures#compute} on the demo CNN exported by Debian's
 * torch) against an independent computation in Python: torch autograd of each sample's loss alone,
 * written from the formulas of DESIGN.md section 4, on the same layer weights, random heads and
 * projection (exported from Java). SimCLR's patches are cut by Python itself (unfold + torchvision
 * resize); DINO's random crop boxes are exported and Python crops and resizes them with
 * torchvision.
 */
class ObjectiveReferenceTest {
  private static final int EMBEDDING = 16;
  private static final ProjectionPlan PLAN =
      ProjectionPlan.of(new ProjectionSpec("dense", 16, 7L), "layer", 16, 28 * 28 + 1);
  private static final DatasetSpec ONE_PER_CLASS = DatasetSpec.fashionMnist(null, 1, null);
  private static final ImageSet IMAGES =
      Datasets.load(ONE_PER_CLASS, Split.TRAIN, List.of(0, 1, 2));
  private static final ImageSet POOL =
      Datasets.load(ONE_PER_CLASS, Split.TRAIN, List.of(3, 4, 5, 6));

  @TempDir static Path dir;

  @BeforeAll
  static void exportDemoModel() throws Exception {
    DemoTorchScript.exportTo(dir);
  }

  @Test
  void klMatchesKlDivergenceFromUniformOfTheNormalisedEmbedding() {
    KlObjectiveSpec spec = new KlObjectiveSpec(24, 2.0, 42L);
    String python =
        heads(List.of(head("H", spec.seed(), spec.headDim())), dir)
            + """
            def views(i, img):
                return img[None]
            def loss(e):
                log_p = F.log_softmax(H(F.normalize(e, dim=-1)) / 2.0, dim=-1)
                return F.kl_div(log_p, torch.full_like(log_p, 1 / log_p.shape[-1]), reduction='sum')
            """;
    assertMatchesPython(spec, python);
  }

  @Test
  void dinoMatchesTeacherOnGlobalCropsStudentOnAllCropsWithFixedViews() {
    DinoObjectiveSpec spec = new DinoObjectiveSpec(32, 0.07, 0.1, 3, 42L);
    List<List<CropBox>> crops = new ArrayList<>();
    try (NDManager manager = NDManager.newBaseManager()) {
      DinoObjective objective = new DinoObjective(manager, spec, EMBEDDING);
      for (int key : IMAGES.indices()) {
        crops.add(objective.crops(key, 28, 28));
      }
    }
    String python =
        heads(
                List.of(
                    head("S", spec.seed(), spec.headDim()),
                    head("T", spec.seed() + 1, spec.headDim())),
                dir)
            + "crops = "
            + crops.stream()
                .map(
                    boxes ->
                        boxes.stream()
                            .map(b -> List.of(b.top(), b.left(), b.height(), b.width()).toString())
                            .collect(Collectors.joining(",", "[", "]")))
                .collect(Collectors.joining(",", "[", "]"))
            + """

            def views(i, img):
                return torch.stack([TF.resized_crop(img[None], t, l, h, w, [28, 28],
                    InterpolationMode.BICUBIC, antialias=True)[0] for t, l, h, w in crops[i]])
            def loss(e):
                z = F.normalize(e, dim=-1)
                teacher = F.softmax(T(z[:2].detach()) / 0.07, dim=-1)
                student = F.log_softmax(S(z) / 0.1, dim=-1)
                return -sum((t * s).sum() for t in teacher for s in student)
            """;
    assertEquals(5, crops.get(0).size());
    assertMatchesPython(spec, python);
  }

  @Test
  void simclrMatchesMultiPositiveLossOverPatchesAgainstFixedNegatives() {
    SimClrObjectiveSpec spec = new SimClrObjectiveSpec(16, 0.1, 4, 6, 2, 42L);
    ImageSet negatives =
        POOL.subset(Permutations.sample(POOL.size(), spec.negatives(), spec.seed()));
    String python =
        heads(List.of(head("H", spec.seed(), spec.headDim())), dir)
            + "negative_images = torch.from_numpy("
            + PythonReference.floats(dir.resolve("negatives.f32"), negatives.pixels())
            + ".reshape(-1, 28, 28))\n"
            + """
            def views(i, img):
                side = 28 // 2
                stride = side // 6
                p = img[None].unfold(1, side, stride).unfold(2, side, stride)
                p = p.reshape(1, -1, side, side).permute(1, 0, 2, 3)
                return torch.stack([TF.resize(x, [28, 28], InterpolationMode.BICUBIC,
                    antialias=True)[0] for x in p])
            with torch.no_grad():
                negatives = H(embed(torch.cat([views(0, x) for x in negative_images]), W0, b0))
            def loss(e):
                k, p = negatives.shape[0], e.shape[0]
                f = F.normalize(torch.cat([negatives, H(e)]), dim=-1)
                cos = f[k:] @ f.T
                own = torch.zeros_like(cos)
                own[:, k:] = torch.eye(p)
                cos = cos * (1 - own) + own * -10e3
                positives = (cos[:, k:] * (1 - torch.eye(p))).sum(dim=1) / 0.1 / (p - 1)
                return (torch.logsumexp(cos, dim=1) - positives).mean()
            """;
    assertMatchesPython(spec, python);
  }

  /**
   * Runs repflow on {@link #IMAGES} in batches of 2 and 1 (fungivision's check: a sample alone and
   * in a batch give the same features) and compares with the Python features.
   *
   * @param objectivePython defines heads, {@code views(i, img) -> [V, 28, 28]} and {@code loss(e)}
   *     of one sample's {@code [V, D]} embeddings
   */
  private void assertMatchesPython(ObjectiveSpec spec, String objectivePython) {
    float[][] batched = features(spec, 2);
    float[][] alone = features(spec, 1);
    assertTrue(
        worstRelativeError(alone, batched) < 1e-5,
        spec.name() + ": alone vs batched " + worstRelativeError(alone, batched));

    double[] flat = PythonReference.run(preamble() + objectivePython + PER_SAMPLE_FEATURES);
    float[][] python = new float[IMAGES.size()][PLAN.dim()];
    for (int i = 0; i < flat.length; i++) {
      python[i / PLAN.dim()][i % PLAN.dim()] = (float) flat[i];
    }
    double worst = worstRelativeError(python, batched);
    assertTrue(worst < 1e-4, spec.name() + ": max relative error vs Python " + worst);
  }

  private static float[][] features(ObjectiveSpec spec, int batchSize) {
    try (NDManager base = NDManager.newBaseManager();
        TorchScriptCut cut = DemoTorchScript.cut(dir)) {
      ImageSource images = Datasets.open(ONE_PER_CLASS, Split.TRAIN, List.of(0, 1, 2));
      ImageSource pool = Datasets.open(ONE_PER_CLASS, Split.TRAIN, List.of(3, 4, 5, 6));
      return GradientFeatures.compute(
              cut, PLAN, spec, images, pool, batchSize, base, (b, n, r) -> {})
          .rows();
    }
  }

  /** Max over samples of max |a - b| / max |a|. */
  static double worstRelativeError(float[][] reference, float[][] actual) {
    double worst = 0;
    for (int i = 0; i < reference.length; i++) {
      double scale = 0;
      double diff = 0;
      for (int j = 0; j < reference[i].length; j++) {
        scale = Math.max(scale, Math.abs(reference[i][j]));
        diff = Math.max(diff, Math.abs(reference[i][j] - actual[i][j]));
      }
      assertTrue(scale > 0, "features of sample " + i + " are all zeros");
      worst = Math.max(worst, diff / scale);
    }
    return worst;
  }

  /** The model parts, the layer's weights, the images and the projection matrix. */
  private static String preamble() {
    float[] projection;
    try (NDManager manager = NDManager.newBaseManager()) {
      projection = RandomProjection.dense(manager, PLAN).toFloatArray();
    }
    return """
        import torch
        import torch.nn.functional as F
        from torchvision.transforms import functional as TF, InterpolationMode
        front, layer, tail = [torch.jit.load('%s/' + p + '.pt') for p in ('front', 'layer', 'tail')]
        W0, b0 = layer.weight.detach().clone(), layer.bias.detach().clone()
        images = torch.from_numpy(%s.reshape(-1, 28, 28))
        R = torch.from_numpy(%s.reshape(-1, %d))
        def embed(x, W, b):
            return tail(F.linear(front(x[:, None]), W, b))
        """
        .formatted(
            dir.toAbsolutePath(),
            PythonReference.floats(dir.resolve("images.f32"), IMAGES.pixels()),
            PythonReference.floats(dir.resolve("projection.f32"), projection),
            PLAN.dim());
  }

  /** Each sample alone: autograd of its loss w.r.t. W and b, flattened as [W | b], projected. */
  private static final String PER_SAMPLE_FEATURES =
      """
      out = []
      for i, img in enumerate(images):
          W, b = W0.clone().requires_grad_(), b0.clone().requires_grad_()
          gW, gb = torch.autograd.grad(loss(embed(views(i, img), W, b)), [W, b])
          out.append(torch.cat([gW, gb[:, None]], dim=1).reshape(-1) @ R)
      print(' '.join(repr(v) for v in torch.stack(out).reshape(-1).tolist()))
      """;

  record Head(String name, long seed, int outputs) {}

  static Head head(String name, long seed, int outputs) {
    return new Head(name, seed, outputs);
  }

  /**
   * Python functions {@code name(x)} applying repflow's random heads. Each head is read back as the
   * linear map it applies: b = h(0), W = h(I) - b.
   */
  static String heads(List<Head> heads, Path dir) {
    StringBuilder python = new StringBuilder();
    try (NDManager manager = NDManager.newBaseManager()) {
      for (Head h : heads) {
        RandomHead head = new RandomHead(manager, h.seed(), EMBEDDING, h.outputs());
        NDArray bias = head.apply(manager.zeros(new Shape(1, EMBEDDING)));
        NDArray weight = head.apply(manager.eye(EMBEDDING)).sub(bias);
        String prefix = dir.resolve("head-" + h.name()).toString();
        python
            .append(
                "%s_W = torch.from_numpy(%s.reshape(%d, %d))\n"
                    .formatted(
                        h.name(),
                        PythonReference.floats(Path.of(prefix + "-W.f32"), weight.toFloatArray()),
                        EMBEDDING,
                        h.outputs()))
            .append(
                "%s_b = torch.from_numpy(%s)\n"
                    .formatted(
                        h.name(),
                        PythonReference.floats(Path.of(prefix + "-b.f32"), bias.toFloatArray())))
            .append(
                "def %s(x):\n    return x @ %s_W + %s_b\n".formatted(h.name(), h.name(), h.name()));
      }
    }
    return python.toString();
  }
}
