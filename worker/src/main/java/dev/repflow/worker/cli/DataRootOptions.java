package dev.repflow.worker.cli;

import dev.repflow.data.DataRoots;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The folders this process's worker may read dataset, corruption and TorchScript files from
 * (picocli mixin). Specs name those paths and anyone who can start a workflow writes specs, so a
 * worker refuses paths elsewhere.
 */
public final class DataRootOptions {
  @Option(
      names = "--data-root",
      paramLabel = "DIR",
      description =
          "Folder the worker may read spec-named files from (dataset.dir, corruptions.dir,"
              + " torchscript); repeatable. Env REPFLOW_DATA_ROOTS (':'-separated). Default: "
              + "/usr/share/datasets and the working directory.")
  private List<Path> roots = new ArrayList<>();

  /** Flags and {@value DataRoots#ENV}; when neither names a root, {@link DataRoots#defaults()}. */
  public DataRoots roots() {
    List<Path> configured = new ArrayList<>(roots);
    String env = System.getenv(DataRoots.ENV);
    if (env != null) {
      Arrays.stream(env.split(File.pathSeparator))
          .filter(s -> !s.isBlank())
          .map(s -> Path.of(s.strip()))
          .forEach(configured::add);
    }
    return configured.isEmpty() ? DataRoots.defaults() : DataRoots.of(configured);
  }

  /** {@link #roots()} plus {@code more} (e.g. the folder of the config `repflow run` reads). */
  public DataRoots rootsWith(Path... more) {
    return roots().plus(List.of(more));
  }
}
