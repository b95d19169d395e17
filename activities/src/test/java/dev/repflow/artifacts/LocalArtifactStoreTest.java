package dev.repflow.artifacts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalArtifactStoreTest {
  @TempDir Path root;
  @TempDir Path work;

  @Test
  void putFindDownloadRoundTrip() throws Exception {
    LocalArtifactStore store = new LocalArtifactStore(root, "bucket");
    Path in = Files.writeString(work.resolve("in.h5"), "local bytes");
    ArtifactRef ref = store.put("exp/step/k.h5", in, "hdf5", List.of(5L, 7L));

    assertEquals("s3://bucket/exp/step/k.h5", ref.uri());
    assertEquals(Optional.of(ref), store.find("exp/step/k.h5"));
    assertEquals(Optional.empty(), store.find("exp/step/other.h5"));
    Path out = store.download(ref);
    try {
      assertArrayEquals(Files.readAllBytes(in), Files.readAllBytes(out));
    } finally {
      Files.delete(out);
    }
    try (Stream<Path> files = Files.list(root.resolve("bucket/exp/step"))) {
      // Object and sidecar only: no temp files left behind.
      assertEquals(
          List.of("k.h5", "k.h5.meta"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void corruptionAndMissingObjectsAreReported() throws Exception {
    LocalArtifactStore store = new LocalArtifactStore(root, "bucket");
    ArtifactRef ref =
        store.put("e/s/k.json", Files.writeString(work.resolve("a"), "{}"), "json", List.of());
    Files.writeString(root.resolve("bucket/e/s/k.json"), "[]");
    ArtifactIntegrityException e =
        assertThrows(ArtifactIntegrityException.class, () -> store.download(ref));
    assertTrue(e.getMessage().contains(ref.uri()), e.getMessage());

    Files.delete(root.resolve("bucket/e/s/k.json"));
    assertThrows(ArtifactNotFoundException.class, () -> store.download(ref));
  }

  @Test
  void keysCannotEscapeTheBucket() throws Exception {
    LocalArtifactStore store = new LocalArtifactStore(root, "bucket");
    Path in = Files.writeString(work.resolve("in"), "x");
    assertThrows(
        IllegalArgumentException.class, () -> store.put("../other/k", in, "json", List.of()));
    assertThrows(IllegalArgumentException.class, () -> store.put("/abs/k", in, "json", List.of()));
  }
}
