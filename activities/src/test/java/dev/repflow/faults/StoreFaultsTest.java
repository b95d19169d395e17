package dev.repflow.faults;

import static dev.repflow.faults.ReliabilityTable.SUITE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.artifacts.ArtifactIntegrityException;
import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.ArtifactStoreException;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.S3ArtifactStore;
import dev.repflow.faults.FaultPlan.Fault;
import dev.repflow.faults.ReliabilityTable.Row;
import dev.repflow.steps.StepCache;
import dev.repflow.testing.BitRot;
import dev.repflow.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault suite, store level: {@link dev.repflow.artifacts.S3ArtifactStore} with S3 behind a {@link
 * FaultProxy} (5xx answers, reset connections, truncated request and response bodies, stalls on a
 * seeded schedule) and with bytes damaged on disk. Each scenario ends by reading back everything
 * stored: every object must hash to its recorded sha256, so no partial object sits under a key.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoreFaultsTest {
  /** Attempts per operation, as the activities' retry policy gives a step. */
  private static final int ATTEMPTS = 4;

  @TempDir static Path s3Dir;
  @TempDir Path work;
  private static FaultyS3 s3;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = FaultyS3.start(s3Dir);
  }

  @AfterAll
  static void stopS3() throws Exception {
    try {
      SUITE.write();
    } finally {
      s3.close();
    }
  }

  @Test
  @Order(1)
  void everyOperationSucceedsThroughEveryKindOfFault() throws Exception {
    FaultPlan plan = new FaultPlan(1, 0.3, FaultPlan.ALL);
    Random random = new Random(1);
    List<byte[]> contents = new ArrayList<>();
    try (FaultProxy proxy = s3.proxy(plan);
        S3ArtifactStore store = s3.through(proxy)) {
      for (int i = 0; i < 30; i++) {
        byte[] bytes = new byte[1 + random.nextInt(300_000)];
        random.nextBytes(bytes);
        contents.add(bytes);
        Path file = Files.write(work.resolve("object-" + i), bytes);
        String key = "store/object-" + i + ".bin";
        retried(() -> store.put(key, file, "params", List.of()));
      }
      for (int i = 0; i < contents.size(); i++) {
        String key = "store/object-" + i + ".bin";
        ArtifactRef ref = retried(() -> store.find(key)).orElseThrow();
        Path copy = retried(() -> store.download(ref));
        assertArrayEquals(contents.get(i), Files.readAllBytes(copy), key);
        Files.delete(copy);
      }
    }
    assertTrue(plan.total() > 0, "no fault was injected");
    SUITE.add(
        new Row(
            "store: 30 objects (1 B - 300 kB) put, found, read",
            plan.injected(),
            "-",
            s3.verifyAll("store/", 30),
            "-",
            0));
  }

  @Test
  @Order(2)
  void cutUploadsLeaveNothingAndCutDownloadsAreNotMistakenForDamage() throws Exception {
    Path file = Files.write(work.resolve("cut"), new byte[200_000]);
    FaultPlan cutRequests = FaultPlan.always(Fault.TRUNCATED_REQUEST);
    try (FaultProxy proxy = s3.proxy(cutRequests);
        S3ArtifactStore store = s3.through(proxy)) {
      assertThrows(
          ArtifactStoreException.class,
          () -> store.put("cut/upload.bin", file, "params", List.of()));
    }
    s3.verifyAll("cut/", 0);

    ArtifactRef stored = s3.direct().put("cut/download.bin", file, "params", List.of());
    FaultPlan cutResponses = FaultPlan.always(Fault.TRUNCATED_RESPONSE);
    try (FaultProxy proxy = s3.proxy(cutResponses);
        S3ArtifactStore store = s3.through(proxy)) {
      // A transfer error, retried by the activity; not ArtifactIntegrityException (never retried).
      assertThrows(ArtifactStoreException.class, () -> store.download(stored));
    }
    Map<Fault, Integer> both = cutRequests.injected();
    cutResponses.injected().forEach((k, v) -> both.merge(k, v, Integer::sum));
    SUITE.add(
        new Row(
            "store: every body cut in half (1 upload, 1 download; both fail, nothing stored)",
            both,
            "-",
            s3.verifyAll("cut/", 1),
            "-",
            0));
  }

  @Test
  @Order(3)
  void writersRacingOnOneKeyLeaveOneWholeVersion() throws Exception {
    FaultPlan plan = new FaultPlan(3, 0.2, FaultPlan.ALL);
    List<byte[]> versions = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (int w = 0; w < 6; w++) {
      byte[] bytes = new byte[50_000 + 10_000 * w];
      new Random(w).nextBytes(bytes);
      versions.add(bytes);
      files.add(Files.write(work.resolve("writer-" + w), bytes));
    }
    ExecutorService pool = Executors.newFixedThreadPool(files.size());
    try (FaultProxy proxy = s3.proxy(plan);
        S3ArtifactStore store = s3.through(proxy)) {
      for (int round = 0; round < 5; round++) {
        String key = "race/key-" + round + ".bin";
        List<Future<ArtifactRef>> puts = new ArrayList<>();
        for (Path f : files) {
          puts.add(pool.submit(() -> retried(() -> store.put(key, f, "params", List.of()))));
        }
        for (Future<ArtifactRef> put : puts) {
          put.get();
        }
        Path copy = s3.direct().download(s3.direct().find(key).orElseThrow());
        byte[] stored = Files.readAllBytes(copy);
        Files.delete(copy);
        assertTrue(versions.stream().anyMatch(v -> Arrays.equals(v, stored)), key);
      }
    } finally {
      pool.shutdownNow();
    }
    SUITE.add(
        new Row(
            "store: 6 writers racing on each of 5 keys",
            plan.injected(),
            "-",
            s3.verifyAll("race/", 5),
            "-",
            0));
  }

  @Test
  @Order(4)
  void aFlippedByteIsNamedAndTheCacheTreatsItAsMissing() throws Exception {
    Path file = Files.write(work.resolve("rot"), new byte[10_000]);
    ArtifactRef ref = s3.direct().put("rot/features.h5", file, "hdf5", List.of());
    BitRot.flipByte(s3.file(ref.key()));

    ArtifactIntegrityException e =
        assertThrows(ArtifactIntegrityException.class, () -> s3.direct().download(ref));
    assertTrue(e.getMessage().startsWith("artifact " + ref.uri() + " is corrupt"), e.getMessage());
    try (LogCapture log = LogCapture.of(StepCache.class)) {
      var cache = new StepCache(s3.direct());
      assertTrue(cache.reusable(new RunContext("rot", true), ref.key()).isEmpty());
      assertTrue(
          log.messages().stream().anyMatch(m -> m.contains(ref.uri() + " is corrupt")),
          log.messages().toString());
    }
  }

  /** Runs a store operation with the attempts a step gets; corrupt artifacts are not retried. */
  private static <T> T retried(Supplier<T> operation) {
    for (int attempt = 1; ; attempt++) {
      try {
        return operation.get();
      } catch (ArtifactStoreException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
