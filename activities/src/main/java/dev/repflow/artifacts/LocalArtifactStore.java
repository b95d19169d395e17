package dev.repflow.artifacts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * {@link ArtifactStore} in a local directory, one subdirectory per bucket, for unit tests and
 * single-machine runs. URIs stay {@code s3://bucket/key} so refs look the same as with S3.
 *
 * <p>Each object {@code <root>/<bucket>/<key>} has a sidecar {@code <key>.meta} (a properties file
 * with the S3 store's metadata fields). Both are written to temp files and moved into place
 * atomically, object first: a sidecar therefore always describes a complete object, which is what
 * S3's atomic PutObject gives the S3 store.
 */
public final class LocalArtifactStore implements ArtifactStore {
  private static final String SIDECAR = ".meta";

  private final Path root;
  private final String bucket;

  /** Store whose bucket directory is {@code root/bucket}, created on first put. */
  public LocalArtifactStore(Path root, String bucket) {
    this.root = root.toAbsolutePath().normalize();
    this.bucket = bucket;
  }

  @Override
  public String bucket() {
    return bucket;
  }

  @Override
  public ArtifactRef put(String key, Path file, String format, List<Long> shape) {
    Path target = resolve(bucket, key);
    try {
      Files.createDirectories(target.getParent());
      String sha256;
      try (InputStream in = Files.newInputStream(file)) {
        sha256 = moveIntoPlace(target, out -> Sha256.copy(in, out));
      }
      Properties meta = new Properties();
      meta.putAll(ObjectMetadata.of(sha256, format, shape));
      moveIntoPlace(
          sidecar(target),
          out -> {
            meta.store(out, "repflow artifact metadata");
            return null;
          });
      return new ArtifactRef(uri(bucket, key), sha256, Files.size(target), shape, format);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store " + uri(bucket, key), e);
    }
  }

  @Override
  public Optional<ArtifactRef> find(String key) {
    Path target = resolve(bucket, key);
    Path sidecar = sidecar(target);
    if (!Files.exists(sidecar)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(sidecar)) {
      Properties props = new Properties();
      props.load(in);
      Map<String, String> meta = new HashMap<>();
      props.stringPropertyNames().forEach(name -> meta.put(name, props.getProperty(name)));
      return ObjectMetadata.toRef(uri(bucket, key), Files.size(target), meta);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read metadata of " + uri(bucket, key), e);
    }
  }

  @Override
  public Path download(ArtifactRef ref) {
    Path source = resolve(ref.bucket(), ref.key());
    if (!Files.exists(source)) {
      throw new ArtifactNotFoundException(ref.uri(), null);
    }
    try (InputStream in = Files.newInputStream(source)) {
      return VerifiedDownload.toTempFile(ref, in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + ref.uri(), e);
    }
  }

  /** Writes through {@code writer} to a temp file beside {@code target}, then renames it. */
  private static <T> T moveIntoPlace(Path target, Writer<T> writer) throws IOException {
    Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      T result;
      try (OutputStream out = Files.newOutputStream(tmp)) {
        result = writer.write(out);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return result;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Path of a key, refusing keys that would escape the bucket directory ({@code ..}, absolute). */
  private Path resolve(String bucketName, String key) {
    Path bucketDir = root.resolve(bucketName).normalize();
    Path target = bucketDir.resolve(key).normalize();
    if (key.isEmpty()
        || key.startsWith("/")
        || !target.startsWith(bucketDir)
        || target.equals(bucketDir)) {
      throw new IllegalArgumentException("invalid artifact key " + key);
    }
    return target;
  }

  private static Path sidecar(Path target) {
    return target.resolveSibling(target.getFileName() + SIDECAR);
  }

  private static String uri(String bucketName, String key) {
    return "s3://" + bucketName + "/" + key;
  }

  /** Body of a write that may return a value computed from the bytes (their sha256). */
  @FunctionalInterface
  private interface Writer<T> {
    T write(OutputStream out) throws IOException;
  }
}
