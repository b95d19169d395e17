/** Terminal reports of finished runs: a printer per pipeline, shared table and timing helpers. */
package dev.repflow.worker.report;
