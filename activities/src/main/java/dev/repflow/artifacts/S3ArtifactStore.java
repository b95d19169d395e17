package dev.repflow.artifacts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@link ArtifactStore} on S3 (AWS, MinIO, S3Proxy) through the AWS SDK v2 sync client.
 *
 * <p>Every object is written by one PutObject, which S3 makes visible atomically, with user
 * metadata {@code sha256}, {@code format} and {@code shape}; the SHA-256 request checksum lets the
 * server reject bytes damaged in transit. Downloads are hashed again here because servers such as
 * S3Proxy return no checksum headers, and a body that breaks off or arrives damaged is read again
 * ({@link VerifiedReads}). Closing the store closes its client.
 */
public final class S3ArtifactStore implements ArtifactStore, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(S3ArtifactStore.class);

  private final S3Client s3;
  private final String bucket;
  private final boolean createBucket;
  private final String endpoint;

  /** Store on an existing client; {@link #checkReachable()} will not create the bucket. */
  public S3ArtifactStore(S3Client s3, String bucket) {
    this(s3, bucket, false);
  }

  /** Store on an existing client, creating the bucket in {@link #checkReachable()} if asked. */
  public S3ArtifactStore(S3Client s3, String bucket, boolean createBucket) {
    this.s3 = s3;
    this.bucket = bucket;
    this.createBucket = createBucket;
    this.endpoint =
        s3.serviceClientConfiguration()
            .endpointOverride()
            .map(URI::toString)
            .orElse("AWS S3 (" + s3.serviceClientConfiguration().region() + ")");
  }

  /** Builds a client from {@code settings}; call {@link #checkReachable()} before first use. */
  public static S3ArtifactStore connect(S3Settings settings) {
    return new S3ArtifactStore(
        S3Clients.create(settings), settings.bucket(), settings.createBucket());
  }

  @Override
  public String bucket() {
    return bucket;
  }

  /**
   * Fails fast, with one line naming endpoint and bucket, when S3 cannot be reached, refuses the
   * credentials or lacks the bucket (which it creates instead when so configured).
   *
   * @throws ArtifactStoreException when the bucket cannot be used
   */
  public void checkReachable() {
    try {
      s3.headBucket(b -> b.bucket(bucket));
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw S3Errors.translate(endpoint, "bucket " + bucket, "HeadBucket " + bucket, e);
      }
      if (!createBucket) {
        throw new ArtifactStoreException(
            "bucket " + bucket + " does not exist at S3 endpoint " + endpoint, e);
      }
      createBucket();
    } catch (SdkException e) {
      throw S3Errors.translate(endpoint, "bucket " + bucket, "HeadBucket " + bucket, e);
    }
  }

  private void createBucket() {
    String region = s3.serviceClientConfiguration().region().id();
    try {
      // Outside us-east-1, AWS requires the region as location constraint.
      s3.createBucket(
          b -> {
            b.bucket(bucket);
            if (!Region.US_EAST_1.id().equals(region)) {
              b.createBucketConfiguration(c -> c.locationConstraint(region));
            }
          });
      log.info("Created bucket {} at {}", bucket, endpoint);
    } catch (BucketAlreadyOwnedByYouException e) {
      log.debug("Bucket {} was created concurrently", bucket);
    } catch (SdkException e) {
      throw S3Errors.translate(endpoint, "bucket " + bucket, "CreateBucket " + bucket, e);
    }
  }

  @Override
  public ArtifactRef put(String key, Path file, String format, List<Long> shape) {
    String sha256 = Sha256.of(file);
    long bytes = size(file);
    String uri = uri(key);
    PutObjectRequest request =
        PutObjectRequest.builder()
            .bucket(bucket)
            .key(key)
            .contentLength(bytes)
            .metadata(ObjectMetadata.of(sha256, format, shape))
            // The hash of the file as we read it: if the bytes change on the way, S3 refuses them.
            .checksumSHA256(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)))
            .build();
    try {
      s3.putObject(request, RequestBody.fromFile(file));
    } catch (SdkException e) {
      throw S3Errors.translate(endpoint, uri, "upload of " + uri, e);
    }
    log.debug("Uploaded {} ({} bytes, sha256 {})", uri, bytes, sha256);
    return new ArtifactRef(uri, sha256, bytes, shape, format);
  }

  @Override
  public Optional<ArtifactRef> find(String key) {
    String uri = uri(key);
    HeadObjectResponse head;
    try {
      head = s3.headObject(b -> b.bucket(bucket).key(key));
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw S3Errors.translate(endpoint, uri, "HeadObject " + uri, e);
    } catch (SdkException e) {
      throw S3Errors.translate(endpoint, uri, "HeadObject " + uri, e);
    }
    return ObjectMetadata.toRef(uri, head.contentLength(), head.metadata());
  }

  @Override
  public Path download(ArtifactRef ref) {
    return VerifiedReads.read(ref, () -> open(ref), in -> VerifiedDownload.toTempFile(ref, in));
  }

  /** Streams the object through a hash without writing it anywhere. */
  @Override
  public void verify(ArtifactRef ref) {
    VerifiedReads.read(
        ref,
        () -> open(ref),
        in -> {
          VerifiedDownload.check(ref, in);
          return null;
        });
  }

  private InputStream open(ArtifactRef ref) {
    try {
      return s3.getObject(b -> b.bucket(ref.bucket()).key(ref.key()));
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        throw new ArtifactNotFoundException(ref.uri(), e);
      }
      throw S3Errors.translate(endpoint, ref.uri(), "download of " + ref.uri(), e);
    } catch (SdkException e) {
      throw S3Errors.translate(endpoint, ref.uri(), "download of " + ref.uri(), e);
    }
  }

  /**
   * Names of the "folders" directly under {@code prefix} (which ends in {@code /} or is empty),
   * without the prefix or the trailing slash: e.g. the experiments of a bucket, or the runs under
   * {@code <experiment>/reports/}. Results browsers use it to find stored reports.
   */
  public List<String> folders(String prefix) {
    List<String> names = new ArrayList<>();
    try {
      s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).delimiter("/"))
          .commonPrefixes()
          .forEach(p -> names.add(p.prefix().substring(prefix.length(), p.prefix().length() - 1)));
    } catch (SdkException e) {
      String uri = uri(prefix);
      throw S3Errors.translate(endpoint, uri, "ListObjectsV2 " + uri, e);
    }
    return names;
  }

  /** Closes the S3 client and its connection pool. */
  @Override
  public void close() {
    s3.close();
  }

  private String uri(String key) {
    return "s3://" + bucket + "/" + key;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
