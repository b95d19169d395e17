package dev.repflow.stitching;

import java.util.List;

/**
 * Where a set of out-of-distribution images comes from: held-out classes of the dataset, or the
 * in-distribution images under a corruption at severity {@value OodSettings#OUTLIER_SEVERITY}. Give
 * one of the two.
 *
 * @param classes held-out class ids
 * @param corruption a corruption name the anchoring pipeline knows, e.g. {@code gaussian_noise}
 */
public record OutlierSource(List<Integer> classes, String corruption) {

  public OutlierSource {
    classes = classes == null ? List.of() : List.copyOf(classes);
    corruption = corruption == null || corruption.isBlank() ? null : corruption;
  }

  /** Neither classes nor a corruption. */
  public boolean absent() {
    return classes.isEmpty() && corruption == null;
  }

  /** In words, for reports: {@code classes [5, 6]} or {@code fog (severity 5) of the ID images}. */
  public String label() {
    return corruption == null
        ? "classes " + classes
        : corruption + " (severity " + OodSettings.OUTLIER_SEVERITY + ") of the ID images";
  }
}
