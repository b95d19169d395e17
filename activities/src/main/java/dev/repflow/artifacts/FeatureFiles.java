package dev.repflow.artifacts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Feature tables in the store: HDF5 encoding plus upload/download, temp files cleaned up. */
public final class FeatureFiles {
  private final ArtifactStore store;

  public FeatureFiles(ArtifactStore store) {
    this.store = store;
  }

  /** Downloads, verifies and decodes a feature file. */
  public FeatureTable read(ArtifactRef ref) {
    Path file = store.download(ref);
    try {
      FeatureTable table = Hdf5Io.read(file);
      if (!ref.shape().isEmpty()
          && (table.rows() != ref.rows() || table.columns() != ref.columns())) {
        throw new IllegalArgumentException(
            ref.uri()
                + ": features are "
                + table.rows()
                + "x"
                + table.columns()
                + " but the reference says "
                + ref.shape());
      }
      return table;
    } finally {
      TempFiles.deleteQuietly(file);
    }
  }

  /** Encodes {@code table} and stores it under {@code key}; returns its reference. */
  public ArtifactRef write(String key, FeatureTable table) {
    return TempFiles.put(
        store,
        key,
        "hdf5",
        List.of((long) table.rows(), (long) table.columns()),
        file -> {
          Files.delete(file); // jhdf does not truncate; Hdf5Io writes a fresh file
          Hdf5Io.write(file, table);
        });
  }
}
