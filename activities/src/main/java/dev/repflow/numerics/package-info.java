/** CPU numerics: the kernel and thread settings that make repflow's tensor results reproducible. */
package dev.repflow.numerics;
