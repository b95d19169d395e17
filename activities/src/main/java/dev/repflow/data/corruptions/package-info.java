/**
 * Seeded corruptions of grayscale images in the spirit of CIFAR-10-C (Hendrycks and Dietterich),
 * with parameters for 28x28 images in [0, 1], and a reader for the published CIFAR-10-C layout.
 */
package dev.repflow.data.corruptions;
