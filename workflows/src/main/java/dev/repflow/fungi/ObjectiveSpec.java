package dev.repflow.fungi;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A self-supervised objective whose per-sample gradient becomes a feature block. Each variant holds
 * only its own knobs; the layer and projection are shared settings ({@link GradientSpec}).
 *
 * <p>In configs and JSON an objective is an object with {@code type: kl | dino | simclr}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = KlObjectiveSpec.class, name = KlObjectiveSpec.NAME),
  @JsonSubTypes.Type(value = DinoObjectiveSpec.class, name = DinoObjectiveSpec.NAME),
  @JsonSubTypes.Type(value = SimClrObjectiveSpec.class, name = SimClrObjectiveSpec.NAME)
})
public sealed interface ObjectiveSpec
    permits KlObjectiveSpec, DinoObjectiveSpec, SimClrObjectiveSpec {

  /** Short name used in tables and artifact attributes ({@code objective}). */
  String name();

  /** Seed of the objective's random head (and of its views, where it has any). */
  Long seed();

  static void requirePositive(String key, double value) {
    if (!(value > 0)) {
      throw new IllegalArgumentException(key + " must be positive, got " + value);
    }
  }
}
