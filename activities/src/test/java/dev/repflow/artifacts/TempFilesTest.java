package dev.repflow.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempFilesTest {
  @TempDir Path root;

  @Test
  void storesWhatTheContentWroteAndDeletesTheTempFile() throws Exception {
    LocalArtifactStore store = new LocalArtifactStore(root, "bucket");
    List<Path> used = new ArrayList<>();
    ArtifactRef ref =
        TempFiles.put(
            store,
            "exp/a.csv",
            "csv",
            List.of(),
            file -> {
              used.add(file);
              Files.writeString(file, "a,b\r\n");
            });

    assertEquals("csv", ref.format());
    assertEquals("a,b\r\n", Files.readString(root.resolve("bucket/exp/a.csv")));
    assertFalse(Files.exists(used.get(0)), "temp file deleted");
  }

  @Test
  void aFailedWriteNamesTheKeyStoresNothingAndLeavesNoTempFile() {
    LocalArtifactStore store = new LocalArtifactStore(root, "bucket");
    List<Path> used = new ArrayList<>();
    var e =
        assertThrows(
            UncheckedIOException.class,
            () ->
                TempFiles.put(
                    store,
                    "exp/a.json",
                    "json",
                    List.of(),
                    file -> {
                      used.add(file);
                      throw new IOException("disk full");
                    }));

    assertTrue(e.getMessage().contains("exp/a.json"), e.getMessage());
    assertFalse(Files.exists(used.get(0)));
    assertTrue(store.find("exp/a.json").isEmpty());
  }
}
