/**
 * The one dense linear-algebra package: double-precision products, eigen-decomposition and solves
 * on row-major {@code double[rows][cols]} (EJML underneath), and float32 distance blocks on the
 * PyTorch engine, for stitching, collapse, imprinting, FUNGI and the kNN baselines.
 */
package dev.repflow.linalg;
