/**
 * {@code repflow ui}: a results browser on 127.0.0.1. Server-rendered HTML (no scripts, no files
 * from the internet): the run list, a run's page with live progress, tables and plots, and a view
 * that compares runs of one pipeline.
 */
package dev.repflow.worker.ui;
