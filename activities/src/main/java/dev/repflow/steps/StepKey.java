package dev.repflow.steps;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.CacheKeys;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A step's content address and the hash of its parameters.
 *
 * @param key object key of the step's output ({@link CacheKeys#key})
 * @param specSha256 sha256 of the canonical JSON of the parameters, recorded in HDF5 attributes
 *     ({@code spec_sha256}) so a file can be traced to the settings that made it
 */
public record StepKey(String key, String specSha256) {

  public static StepKey of(
      RunContext run,
      String step,
      int stepVersion,
      Object params,
      List<ArtifactRef> inputs,
      String extension) {
    String canonical = CacheKeys.canonicalJson(params);
    return new StepKey(
        CacheKeys.key(run.experiment(), step, stepVersion, params, inputs, extension),
        Sha256.of(canonical.getBytes(StandardCharsets.UTF_8)));
  }
}
