/** Configs: strict YAML/JSON binding to spec records, one-line errors, preflight, warnings. */
package dev.repflow.worker.config;
