package dev.repflow.imprinting;

/**
 * One imprinting run on one task: NORMpre, GEN, NORMpost on the train rows; NORMinf on the queries;
 * AGG picks the class.
 */
final class Imprinter {
  private Imprinter() {}

  /** Share of the task's queries classified correctly. */
  static double accuracy(ImprintConfig c, TaskData task) {
    double[][] train = Norms.embeddings(c.normPre(), task.train());
    Proxies proxies =
        Proxies.generate(
            c.gen(), c.k(), c.lambda(), c.seed(), train, task.trainRows(), task.classes());
    double[][] w = Norms.weights(c.normPost(), proxies, task.classes());
    Aggregation agg = new Aggregation(c, w, proxies.classOf(), task.classes());
    double[][] queries = Norms.embeddings(c.normInf(), task.test());
    int correct = 0;
    for (int q = 0; q < queries.length; q++) {
      correct += agg.predict(queries[q]) == task.testRows()[q] ? 1 : 0;
    }
    return (double) correct / queries.length;
  }
}
