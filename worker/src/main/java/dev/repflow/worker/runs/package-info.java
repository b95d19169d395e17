/**
 * repflow runs as users look them up: from Temporal (list, describe, progress, result) and from the
 * reports stored in S3, for `status`, `list`, `report` and the results browser.
 */
package dev.repflow.worker.runs;
