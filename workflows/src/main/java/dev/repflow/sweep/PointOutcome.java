package dev.repflow.sweep;

import java.util.Map;

/**
 * How one point's child run ended.
 *
 * @param workflowId the child run; its report holds the point's metrics
 * @param error why it failed; null when it completed
 */
public record PointOutcome(
    int index, String workflowId, String group, Map<String, Object> params, String error) {

  public boolean ok() {
    return error == null;
  }
}
