package dev.repflow.fungi;

import java.util.ArrayList;
import java.util.List;

/**
 * A feature set to evaluate: optionally the embeddings, plus projected gradients of some objectives
 * (blocks in this order, each L2-normalised, then concatenated).
 *
 * @param name e.g. {@code embeddings}, {@code +kl+dino}, {@code simclr}
 */
public record Combination(String name, boolean embeddings, List<String> objectives) {

  public Combination {
    objectives = List.copyOf(objectives);
  }

  /**
   * The paper's reporting order: embeddings, then embeddings plus a growing prefix of the
   * objectives (+KL, +KL+DINO, +all), then each objective's gradients alone.
   */
  public static List<Combination> paperOrder(List<String> objectives) {
    List<Combination> out = new ArrayList<>();
    out.add(new Combination("embeddings", true, List.of()));
    for (int i = 1; i <= objectives.size(); i++) {
      List<String> prefix = objectives.subList(0, i);
      out.add(new Combination("+" + String.join("+", prefix), true, prefix));
    }
    for (String o : objectives) {
      out.add(new Combination(o, false, List.of(o)));
    }
    return out;
  }
}
