package dev.repflow.stitching;

import dev.repflow.data.ImageSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every fitting method of one pair, evaluated on the test split. */
final class PairStitchRun {
  private static final Logger log = LoggerFactory.getLogger(PairStitchRun.class);

  private final StitchedNetwork network;
  private final PairStitcher stitcher;
  private final StitchPair pair;
  private final StitchSettings settings;

  PairStitchRun(
      StitchedNetwork network, PairStitcher stitcher, StitchPair pair, StitchSettings settings) {
    this.network = network;
    this.stitcher = stitcher;
    this.pair = pair;
    this.settings = settings;
  }

  /**
   * @param detector the end layer's energy detector, or null
   * @param status receives one-line progress messages
   */
  StitchResult run(
      ImageSet train,
      ImageSet test,
      List<Integer> classes,
      EnergyDetector detector,
      double frontAccuracy,
      double endAccuracy,
      Consumer<String> status) {
    String what = pair.front() + "." + pair.frontLayer();
    ImageSet samples = Samples.draw(train, settings.samples(), settings.taskLoss().seed());
    List<String> warnings = new ArrayList<>();
    long rows = (long) settings.samples() * network.rowsPerSample();
    if (rows < network.inputs() + 1L) {
      String warning =
          String.format(
              Locale.ROOT,
              "%s: direct matching is underdetermined: %d rows (stitch.samples = %d) for %d"
                  + " inputs + bias; pinv returns the minimum-norm fit (set stitch.ranks to"
                  + " limit the rank)",
              pair.label(),
              rows,
              settings.samples(),
              network.inputs());
      log.warn(warning);
      warnings.add(warning);
    }
    int[] testTargets = Batches.targets(test, classes);
    double[] idEnergies = detector == null ? null : stitcher.endEnergies(test, detector);
    List<MethodScore> methods = new ArrayList<>();
    status.accept(pair.label() + ": direct matching");
    Affine direct = stitcher.direct(samples, null, what);
    methods.add(score("direct", direct, test, testTargets, detector, idEnergies));
    for (int rank : settings.ranks()) {
      Affine truncated = stitcher.direct(samples, rank, what);
      methods.add(score("direct-r" + rank, truncated, test, testTargets, detector, idEnergies));
    }
    var taskLoss = settings.taskLoss();
    int[] trainTargets = Batches.targets(train, classes);
    int batches = (train.size() + taskLoss.batchSize() - 1) / taskLoss.batchSize();
    for (String init : taskLoss.inits()) {
      Affine layer =
          init.equals(StitchSettings.TaskLoss.RANDOM)
              ? stitcher.random(taskLoss.seed())
              : stitcher.direct(samples, null, what);
      stitcher.taskLoss(
          layer,
          train,
          trainTargets,
          taskLoss.epochs(),
          taskLoss.batchSize(),
          taskLoss.learningRate(),
          taskLoss.seed(),
          step -> {
            if (step % 20 == 0) {
              status.accept(
                  String.format(
                      Locale.ROOT,
                      "%s: task loss (%s init) batch %d/%d",
                      pair.label(),
                      init,
                      step,
                      batches * taskLoss.epochs()));
            }
          });
      methods.add(score("task-" + init, layer, test, testTargets, detector, idEnergies));
    }
    return new StitchResult(
        pair, network.kind(), frontAccuracy, endAccuracy, methods, warnings, null, false);
  }

  private MethodScore score(
      String method,
      Affine layer,
      ImageSet test,
      int[] targets,
      EnergyDetector detector,
      double[] idEnergies) {
    var values = stitcher.evaluate(layer, test, targets, detector);
    log.info("{} {}: accuracy {}", pair.label(), method, values.accuracy());
    if (detector == null) {
      return new MethodScore(method, values.accuracy(), null, null);
    }
    // As the reference's stitcher evaluation: g's own test activations are ID, the stitched OOD.
    return new MethodScore(
        method,
        values.accuracy(),
        RocMetrics.auroc(idEnergies, values.energies()),
        RocMetrics.fpr95(idEnergies, values.energies()));
  }
}
