/**
 * Run reports: one self-contained HTML page per run (tables, plots as SVG + CSV, config, lineage,
 * timings) and the same content as {@code run.json}, written to S3 next to the run's results.
 */
package dev.repflow.reports;
