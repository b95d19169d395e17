/** FUNGI: self-supervised gradient features of a frozen backbone, projected, concatenated. */
package dev.repflow.fungi;
