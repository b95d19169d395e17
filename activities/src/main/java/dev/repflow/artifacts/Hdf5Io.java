package dev.repflow.artifacts;

import dev.repflow.numerics.CpuNumerics;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes feature files (DESIGN.md section 3) with jhdf: dataset {@code features} float32
 * {@code [N, D]}, {@code labels} int64 {@code [N]}, optional {@code indices} int64 {@code [N]}, and
 * string file attributes including {@code repflow_version} and {@code numerics}. Files are readable
 * by h5py.
 *
 * <p>Datasets are written contiguous and uncompressed: jhdf's deflate runs at ~40 MB/s against ~1
 * GB/s plain, and these are hot intermediates, not archives.
 */
public final class Hdf5Io {
  private static final Logger log = LoggerFactory.getLogger(Hdf5Io.class);

  public static final String FEATURES = "features";
  public static final String LABELS = "labels";
  public static final String INDICES = "indices";
  public static final String VERSION_ATTRIBUTE = "repflow_version";

  /** The CPU numerics profile the file was computed under, e.g. {@code portable-t2}. */
  public static final String NUMERICS_ATTRIBUTE = "numerics";

  /** Root attribute jhdf adds on every write; not part of the artifact's attributes. */
  private static final String JHDF_ATTRIBUTE = "_jHDF";

  private Hdf5Io() {}

  /**
   * Writes {@code table} to {@code file}, replacing it atomically. {@code repflow_version} is set
   * from this build and overrides a value in the table's attributes.
   *
   * @throws ArtifactFormatException when the table is empty or ragged (jhdf rejects the first and
   *     silently corrupts the second)
   */
  public static void write(Path file, FeatureTable table) {
    validate(file, table);
    Path dir = file.toAbsolutePath().getParent();
    try {
      // jhdf does not truncate an existing file, and a crash mid-write must not leave a torn
      // artifact under the real name: write a fresh sibling, then rename it over the target.
      Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      try {
        try (WritableHdfFile hdf = HdfFile.write(tmp)) {
          hdf.putDataset(FEATURES, table.features());
          hdf.putDataset(LABELS, table.labels());
          if (table.indices() != null) {
            hdf.putDataset(INDICES, table.indices());
          }
          table.attributes().forEach(hdf::putAttribute);
          hdf.putAttribute(VERSION_ATTRIBUTE, version());
          hdf.putAttribute(NUMERICS_ATTRIBUTE, CpuNumerics.active().tag());
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    log.debug("Wrote {} [{}, {}]", file, table.rows(), table.columns());
  }

  /**
   * Reads a feature file written by {@link #write} or by h5py following the same contract.
   *
   * @throws ArtifactFormatException naming the file when it is not HDF5, a dataset is missing or
   *     has the wrong type or rank, or the row counts disagree
   */
  public static FeatureTable read(Path file) {
    try (HdfFile hdf = new HdfFile(file)) {
      float[][] features = (float[][]) dataset(file, hdf, FEATURES, float.class, 2).getData();
      long[] labels = (long[]) dataset(file, hdf, LABELS, long.class, 1).getData();
      long[] indices =
          hdf.getChild(INDICES) == null
              ? null
              : (long[]) dataset(file, hdf, INDICES, long.class, 1).getData();
      if (labels.length != features.length
          || (indices != null && indices.length != features.length)) {
        throw new ArtifactFormatException(
            file
                + ": row counts disagree: features "
                + features.length
                + ", labels "
                + labels.length
                + (indices == null ? "" : ", indices " + indices.length));
      }
      return new FeatureTable(features, labels, indices, attributes(hdf));
    } catch (HdfException e) {
      throw new ArtifactFormatException(
          file + " is not a readable HDF5 file: " + e.getMessage(), e);
    }
  }

  private static void validate(Path file, FeatureTable table) {
    if (table.rows() == 0 || table.columns() == 0) {
      throw new ArtifactFormatException(
          String.format(
              "cannot write %s: feature table is empty [%d, %d]; HDF5 artifacts need at least"
                  + " one row and one column",
              file, table.rows(), table.columns()));
    }
    // FeatureTable checks this on construction, but its arrays stay mutable.
    float[][] features = table.features();
    for (int i = 0; i < features.length; i++) {
      if (features[i].length != features[0].length) {
        throw new ArtifactFormatException(
            String.format(
                "cannot write %s: features row %d has %d columns, row 0 has %d",
                file, i, features[i].length, features[0].length));
      }
    }
  }

  private static Dataset dataset(Path file, HdfFile hdf, String name, Class<?> type, int rank) {
    Node node = hdf.getChild(name);
    if (!(node instanceof Dataset dataset)) {
      throw new ArtifactFormatException(file + " has no dataset '" + name + "'");
    }
    int[] dims = dataset.getDimensions();
    if (dataset.getJavaType() != type || dims.length != rank) {
      throw new ArtifactFormatException(
          file
              + ": dataset '"
              + name
              + "' is "
              + dataset.getJavaType().getSimpleName()
              + Arrays.toString(dims)
              + ", expected "
              + type.getSimpleName()
              + " of rank "
              + rank);
    }
    return dataset;
  }

  /** String attributes of the root group; other types (none in the contract) are skipped. */
  private static Map<String, String> attributes(HdfFile hdf) {
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<String, Attribute> e : hdf.getAttributes().entrySet()) {
      Object value = e.getValue().getData();
      if (!e.getKey().equals(JHDF_ATTRIBUTE) && value instanceof String s) {
        out.put(e.getKey(), s);
      }
    }
    return out;
  }

  /** Implementation-Version of the jar this class came from, or "dev" when run from classes. */
  static String version() {
    String version = Hdf5Io.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
