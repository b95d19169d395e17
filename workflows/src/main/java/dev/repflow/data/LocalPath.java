package dev.repflow.data;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an activity parameter that is a path on the worker's disk, so workers check it against
 * their data roots before the activity runs (as they do for {@link LocalPaths} arguments).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface LocalPath {
  /** The config key the path came from, for the error message, e.g. {@code torchscript}. */
  String value();
}
