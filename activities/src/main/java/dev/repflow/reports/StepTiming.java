package dev.repflow.reports;

/**
 * One activity of a run, from its history.
 *
 * @param summary the stage it ran for (its activity summary), or its activity id
 * @param attempts attempts started
 * @param seconds first start to close of the last attempt; 0 while it runs
 * @param outcome {@code completed}, {@code failed}, {@code timed out} or {@code running}
 */
public record StepTiming(
    String activity, String summary, int attempts, double seconds, String outcome) {}
