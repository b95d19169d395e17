package dev.repflow.fungi;

import static dev.repflow.fungi.ObjectiveReferenceTest.head;
import static dev.repflow.fungi.ObjectiveReferenceTest.heads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.Datasets;
import dev.repflow.data.ImageSource;
import dev.repflow.data.SampleDatasets;
import dev.repflow.data.Split;
import dev.repflow.models.BackboneRef;
import dev.repflow.models.TorchScriptParts;
import dev.repflow.testing.PythonReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small torchvision VisionTransformer (random weights) exported with {@code tools/fungi_export.py
 * --preset vit}: the gradient layer is the last block's attention output projection, inside a
 * residual block, so the front hands the residual stream to the tail. repflow's projected KL
 * gradients through the parts against torch autograd through the original torchvision model, one
 * sample at a time, on 32x32 RGB images.
 */
class VitExportReferenceTest {
  private static final int DIM = 16; // hidden size = embedding size of the small ViT
  private static final ProjectionPlan PLAN =
      ProjectionPlan.of(
          new ProjectionSpec("dense", 12, 5L),
          "encoder.layers.encoder_layer_1.self_attention.out_proj",
          DIM,
          DIM + 1);

  @TempDir static Path dir;
  private static DatasetSpec data;

  @BeforeAll
  static void exportAndWriteImages() throws Exception {
    Process p =
        new ProcessBuilder(
                "/usr/bin/python3",
                DemoTorchScript.EXPORT.toString(),
                "--preset",
                "vit",
                "--out",
                dir.resolve("vit").toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "export did not finish");
    assertEquals(0, p.exitValue(), "export failed (needs python3-torchvision): " + out);
    SampleDatasets.write("npy", dir.resolve("npy"), 3, 1, 1);
    data =
        new DatasetSpec(
            null, "npy", dir.resolve("npy").toString(), 3, null, null, null, null, null, null);
  }

  @Test
  void klGradientsThroughExportedVitMatchTorchAutogradOnTheOriginalModel() {
    BackboneRef.TorchScript ref = TorchScriptParts.inspect(dir.resolve("vit"));
    assertEquals(new dev.repflow.data.ImageShape(3, 32, 32), ref.input());
    assertEquals(List.of(DIM, DIM), ref.layerShape());
    KlObjectiveSpec spec = new KlObjectiveSpec(24, 2.0, 42L);
    float[][] batched = features(ref, spec, 3);
    float[][] alone = features(ref, spec, 1);
    assertTrue(ObjectiveReferenceTest.worstRelativeError(alone, batched) < 1e-5);

    float[] projection;
    try (NDManager manager = NDManager.newBaseManager()) {
      projection = RandomProjection.dense(manager, PLAN).toFloatArray();
    }
    String python =
        """
        import torch, torchvision.models as tvm
        import torch.nn.functional as F
        torch.manual_seed(0)
        vit = tvm.VisionTransformer(32, 8, 2, 2, 16, 32).eval()
        vit.heads = torch.nn.Identity()
        layer = vit.encoder.layers[-1].self_attention.out_proj
        images = torch.from_numpy(np.load('%s/train_images.npy')).permute(0, 3, 1, 2) / 255.0
        R = torch.from_numpy(%s.reshape(-1, %d))
        """
                .formatted(
                    dir.resolve("npy"),
                    PythonReference.floats(dir.resolve("projection.f32"), projection),
                    PLAN.dim())
            + heads(List.of(head("H", spec.seed(), spec.headDim())), dir)
            + """
            out = []
            for img in images:
                e = vit(img[None].float())
                log_p = F.log_softmax(H(F.normalize(e, dim=-1)) / 2.0, dim=-1)
                loss = F.kl_div(log_p, torch.full_like(log_p, 1 / log_p.shape[-1]), reduction='sum')
                gW, gb = torch.autograd.grad(loss, [layer.weight, layer.bias])
                out.append(torch.cat([gW, gb[:, None]], dim=1).reshape(-1) @ R)
            print(' '.join(repr(v) for v in torch.stack(out).reshape(-1).tolist()))
            """;
    double[] flat = PythonReference.run(python);
    float[][] reference = new float[3][PLAN.dim()];
    for (int i = 0; i < flat.length; i++) {
      reference[i / PLAN.dim()][i % PLAN.dim()] = (float) flat[i];
    }
    double worst = ObjectiveReferenceTest.worstRelativeError(reference, batched);
    assertTrue(worst < 1e-4, "max relative error vs torch autograd " + worst);
  }

  private static float[][] features(BackboneRef.TorchScript ref, ObjectiveSpec spec, int batch) {
    try (NDManager base = NDManager.newBaseManager();
        TorchScriptCut cut = new TorchScriptCut(TorchScriptParts.load(ref))) {
      ImageSource images = Datasets.open(data, Split.TRAIN, List.of(0, 1, 2));
      return GradientFeatures.compute(cut, PLAN, spec, images, images, batch, base, (b, n, r) -> {})
          .rows();
    }
  }
}
