package dev.repflow.artifacts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which read failures are the transfer's (read again) and which the stored object's. */
class VerifiedReadsTest {
  private static final byte[] GOOD = "the artifact's bytes".getBytes(StandardCharsets.UTF_8);
  private static final ArtifactRef REF =
      new ArtifactRef("s3://b/exp/step/k.json", Sha256.of(GOOD), GOOD.length, List.of(), "json");

  @Test
  void aBodyThatBreaksOffOrArrivesShortIsReadAgain() throws IOException {
    Bodies bodies = new Bodies(brokenAfter(5), truncated(), good());

    Path copy = VerifiedReads.read(REF, bodies::next, in -> VerifiedDownload.toTempFile(REF, in));

    assertArrayEquals(GOOD, Files.readAllBytes(copy));
    assertEquals(3, bodies.opened);
    Files.delete(copy);
  }

  @Test
  void bytesDamagedOnceInTransitAreReadAgain() {
    Bodies bodies = new Bodies(flipped(3), good());

    VerifiedReads.read(REF, bodies::next, this::check);

    assertEquals(2, bodies.opened);
  }

  @Test
  void theSameWrongBytesTwiceAreTheStoredObjectsDamage() {
    Bodies bodies = new Bodies(flipped(3), flipped(3), good());

    ArtifactIntegrityException e =
        assertThrows(
            ArtifactIntegrityException.class,
            () -> VerifiedReads.read(REF, bodies::next, this::check));

    assertTrue(
        e.getMessage().startsWith("artifact s3://b/exp/step/k.json is corrupt"), e.getMessage());
    assertEquals(2, bodies.opened);
  }

  @Test
  void aStoredObjectThatIsShorterIsNamedWithBothSizes() {
    byte[] shorter = Arrays.copyOf(GOOD, 7);
    Bodies bodies = new Bodies(bytes(shorter), bytes(shorter));

    ArtifactIntegrityException e =
        assertThrows(
            ArtifactIntegrityException.class,
            () -> VerifiedReads.read(REF, bodies::next, this::check));

    assertTrue(e.getMessage().contains("expected 20 bytes"), e.getMessage());
    assertTrue(e.getMessage().contains("read 7 bytes"), e.getMessage());
  }

  @Test
  void aTransferThatKeepsFailingIsAStoreErrorThatTheActivityRetries() {
    Bodies bodies = new Bodies(brokenAfter(1), flipped(2), brokenAfter(4), flipped(2));

    ArtifactStoreException e =
        assertThrows(
            ArtifactStoreException.class, () -> VerifiedReads.read(REF, bodies::next, this::check));

    assertTrue(
        e.getMessage().startsWith("reading s3://b/exp/step/k.json failed 4 times"), e.getMessage());
    assertEquals(VerifiedReads.ATTEMPTS, bodies.opened);
  }

  private Void check(InputStream in) throws IOException {
    VerifiedDownload.check(REF, in);
    return null;
  }

  private static InputStream good() {
    return bytes(GOOD);
  }

  private static InputStream bytes(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }

  /** A body that ends early without an error, as with a wrong Content-Length. */
  private static InputStream truncated() {
    return bytes(Arrays.copyOf(GOOD, GOOD.length / 2));
  }

  private static InputStream flipped(int at) {
    byte[] copy = GOOD.clone();
    copy[at] ^= 0x10;
    return bytes(copy);
  }

  /** A connection reset after {@code n} bytes. */
  private static InputStream brokenAfter(int n) {
    return new InputStream() {
      private int read;

      @Override
      public int read() throws IOException {
        if (read == n) {
          throw new IOException("Connection reset");
        }
        return GOOD[read++] & 0xff;
      }
    };
  }

  /** Hands out the given bodies in order, one per request. */
  private static final class Bodies {
    private final Deque<InputStream> queue;
    private int opened;

    Bodies(InputStream... bodies) {
      queue = new ArrayDeque<>(List.of(bodies));
    }

    InputStream next() {
      opened++;
      return queue.removeFirst();
    }
  }
}
