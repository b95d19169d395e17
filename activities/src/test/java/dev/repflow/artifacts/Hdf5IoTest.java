package dev.repflow.artifacts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Hdf5Io}: round trips, contract violations, and h5py reading what jhdf wrote. */
class Hdf5IoTest {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Map<String, String> ATTRIBUTES =
      Map.of("kind", "embeddings", "dataset", "fashion-mnist", "split", "train");

  @TempDir Path dir;

  private static FeatureTable table() {
    float[][] features = {{0.5f, -1f, 2f, 3.25f}, {1f, 2f, 3f, 4f}, {-0f, 1e-7f, 1e7f, 9f}};
    return new FeatureTable(features, new long[] {0, 4, 9}, new long[] {10, 11, 12}, ATTRIBUTES);
  }

  @Test
  void roundTripKeepsDataIndicesAndAttributes() {
    Path file = dir.resolve("t.h5");
    Hdf5Io.write(file, table());
    FeatureTable back = Hdf5Io.read(file);

    assertArrayEquals(table().features(), back.features());
    assertArrayEquals(table().labels(), back.labels());
    assertArrayEquals(table().indices(), back.indices());
    assertEquals("dev", back.attributes().get(Hdf5Io.VERSION_ATTRIBUTE));
    assertFalse(back.attributes().containsKey("_jHDF"), back.attributes().toString());
    ATTRIBUTES.forEach((k, v) -> assertEquals(v, back.attributes().get(k), k));
  }

  @Test
  void attributesAreWrittenInKeyOrderSoTheBytesRepeatInEveryJvm() throws IOException {
    Map<String, String> attributes = new HashMap<>();
    for (String key :
        List.of("kind", "dataset", "split", "model", "layer", "checkpoint", "z", "a")) {
      attributes.put(key, key + "-value");
    }
    FeatureTable table = new FeatureTable(new float[][] {{1f}}, new long[] {3}, null, attributes);

    assertEquals(
        attributes.keySet().stream().sorted().toList(), List.copyOf(table.attributes().keySet()));
    Path first = dir.resolve("first.h5");
    Path second = dir.resolve("second.h5");
    Hdf5Io.write(first, table);
    Hdf5Io.write(
        second, new FeatureTable(table.features(), table.labels(), null, Map.copyOf(attributes)));
    assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
  }

  @Test
  void indicesAreOptional() {
    Path file = dir.resolve("no-indices.h5");
    Hdf5Io.write(file, new FeatureTable(new float[][] {{1f}}, new long[] {3}, null, Map.of()));
    assertNull(Hdf5Io.read(file).indices());
  }

  @Test
  void rewritingASmallerTableReplacesTheFile() {
    Path file = dir.resolve("t.h5");
    float[][] big = new float[200][64];
    Hdf5Io.write(file, new FeatureTable(big, new long[200], null, Map.of()));
    Hdf5Io.write(file, table());
    assertArrayEquals(table().features(), Hdf5Io.read(file).features());
  }

  @Test
  void raggedRowsAreRejected() {
    float[][] ragged = {{1f, 2f}, {3f}};
    assertThrows(
        IllegalArgumentException.class,
        () -> new FeatureTable(ragged, new long[2], null, Map.of()));

    // The record's arrays are mutable, so write checks again.
    FeatureTable table =
        new FeatureTable(new float[][] {{1f, 2f}, {3f, 4f}}, new long[2], null, Map.of());
    table.features()[1] = new float[] {3f};
    ArtifactFormatException e =
        assertThrows(ArtifactFormatException.class, () -> Hdf5Io.write(dir.resolve("r.h5"), table));
    assertTrue(e.getMessage().contains("row 1 has 1 columns"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("r.h5")));
  }

  @Test
  void emptyTableIsRejected() {
    Path file = dir.resolve("empty.h5");
    FeatureTable empty = new FeatureTable(new float[0][], new long[0], null, Map.of());
    ArtifactFormatException e =
        assertThrows(ArtifactFormatException.class, () -> Hdf5Io.write(file, empty));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
    assertFalse(Files.exists(file));
  }

  @Test
  void missingDatasetIsNamed() {
    Path file = dir.resolve("no-labels.h5");
    try (WritableHdfFile hdf = HdfFile.write(file)) {
      hdf.putDataset("features", new float[][] {{1f}});
    }
    ArtifactFormatException e =
        assertThrows(ArtifactFormatException.class, () -> Hdf5Io.read(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("'labels'"), e.getMessage());
  }

  @Test
  void disagreeingRowCountsAreNamed() {
    Path file = dir.resolve("mismatch.h5");
    try (WritableHdfFile hdf = HdfFile.write(file)) {
      hdf.putDataset("features", new float[][] {{1f}, {2f}, {3f}});
      hdf.putDataset("labels", new long[] {1, 2});
    }
    ArtifactFormatException e =
        assertThrows(ArtifactFormatException.class, () -> Hdf5Io.read(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("features 3, labels 2"), e.getMessage());
  }

  @Test
  void wrongDtypeIsNamed() {
    Path file = dir.resolve("double.h5");
    try (WritableHdfFile hdf = HdfFile.write(file)) {
      hdf.putDataset("features", new double[][] {{1.0}});
      hdf.putDataset("labels", new long[] {1});
    }
    ArtifactFormatException e =
        assertThrows(ArtifactFormatException.class, () -> Hdf5Io.read(file));
    assertTrue(e.getMessage().contains("'features' is double"), e.getMessage());
  }

  @Test
  void nonHdf5FileIsNamed() throws IOException {
    Path file = Files.writeString(dir.resolve("text.h5"), "not hdf5");
    ArtifactFormatException e =
        assertThrows(ArtifactFormatException.class, () -> Hdf5Io.read(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test
  void h5pyReadsWhatJhdfWrites() throws Exception {
    Path file = dir.resolve("for-h5py.h5");
    Hdf5Io.write(file, table());
    String script =
        String.join(
            "\n",
            "import sys, numpy as np",
            "with h5py.File(sys.argv[1], 'r') as f:",
            "    x = f['features']",
            "    assert x.dtype == np.float32 and x.shape == (3, 4), (x.dtype, x.shape)",
            "    assert np.array_equal(x[1], np.array([1, 2, 3, 4], dtype=np.float32)), x[1]",
            "    y = f['labels']",
            "    assert y.dtype == np.int64 and y.shape == (3,), (y.dtype, y.shape)",
            "    assert f['indices'].dtype == np.int64",
            "    for k in ('kind', 'dataset', 'split', 'repflow_version'):",
            "        assert k in f.attrs, k",
            "    kind = f.attrs['kind']",
            "    assert (kind.decode() if isinstance(kind, bytes) else kind) == 'embeddings', kind",
            "print('OK')");
    assertEquals("OK", runH5py(script, file));
  }

  @Test
  void readsWhatH5pyWrites() throws Exception {
    Path file = dir.resolve("from-h5py.h5");
    String script =
        String.join(
            "\n",
            "import sys, numpy as np",
            "with h5py.File(sys.argv[1], 'w') as f:",
            "    f['features'] = np.arange(6, dtype=np.float32).reshape(2, 3)",
            "    f['labels'] = np.array([7, 8], dtype=np.int64)",
            "    f.attrs['kind'] = 'logits'",
            "print('OK')");
    assertEquals("OK", runH5py(script, file));
    FeatureTable t = Hdf5Io.read(file);
    assertArrayEquals(new float[][] {{0f, 1f, 2f}, {3f, 4f, 5f}}, t.features());
    assertArrayEquals(new long[] {7, 8}, t.labels());
    assertEquals("logits", t.attributes().get("kind"));
  }

  /** Runs {@code script} (h5py already imported) on {@code file}; returns its trimmed output. */
  private static String runH5py(String script, Path file) throws Exception {
    String install = "install it with: apt-get install python3-h5py";
    if (!Files.isExecutable(PYTHON)) {
      fail(
          PYTHON
              + " is missing; the h5py cross-check needs Debian's python3 with h5py: "
              + install);
    }
    String guarded =
        "try:\n    import h5py\nexcept ImportError:\n    print('NO_H5PY'); raise SystemExit(3)\n"
            + script;
    Process p =
        new ProcessBuilder(PYTHON.toString(), "-c", guarded, file.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python did not finish");
    if (out.contains("NO_H5PY")) {
      fail(PYTHON + " has no h5py module: " + install);
    }
    assertEquals(0, p.exitValue(), out);
    return out;
  }
}
