/** Artifact references and step results: the only data that crosses workflow history. */
package dev.repflow.artifacts;
