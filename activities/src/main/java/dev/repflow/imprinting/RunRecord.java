package dev.repflow.imprinting;

import java.util.List;

/** JSON of one finished run: its parameters and its accuracy on each task, in task order. */
record RunRecord(String id, ImprintConfig config, List<Double> accuracies) {

  double meanAccuracy() {
    return accuracies.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }
}
