/** Artifact storage for activities: S3 and local stores, HDF5 and JSON I/O, content hashing. */
package dev.repflow.artifacts;
