package dev.repflow.reports;

import java.util.List;

/**
 * An artifact the run produced or used, as its result names it.
 *
 * @param name JSON path of the reference in the result, e.g. {@code backbone.checkpoint}
 */
public record Lineage(
    String name, String uri, String sha256, long bytes, String format, List<Long> shape) {}
