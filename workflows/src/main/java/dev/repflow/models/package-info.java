/** Backbone specs and model activities (training, embedding). */
package dev.repflow.models;
