/** The repflow command line: picocli commands, their options, and the wiring they start. */
package dev.repflow.worker.cli;
