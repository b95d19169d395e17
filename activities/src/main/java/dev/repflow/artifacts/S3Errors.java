package dev.repflow.artifacts;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns SDK exceptions into one-line {@link ArtifactStoreException}s that name the endpoint and
 * bucket or object. The SDK's own messages span many lines (the credentials chain lists every
 * provider it tried), which buries the one fact a user needs.
 */
final class S3Errors {

  private S3Errors() {}

  /**
   * @param endpoint endpoint as shown to users
   * @param target {@code bucket b} or an {@code s3://} URI: what the call was about
   * @param action what was attempted, e.g. {@code upload of s3://b/k}
   */
  static ArtifactStoreException translate(
      String endpoint, String target, String action, SdkException e) {
    Throwable network = networkCause(e);
    if (network != null) {
      String why =
          network instanceof UnknownHostException
              ? "unknown host " + network.getMessage()
              // Apache says "Connect to http://host:port failed: Connection refused"; the
              // endpoint is in our message already.
              : firstLine(network.getMessage()).replaceFirst("^Connect to .* failed: ", "");
      return new ArtifactStoreException("S3 endpoint " + endpoint + " unreachable: " + why, e);
    }
    if (e instanceof S3Exception s3 && (s3.statusCode() == 401 || s3.statusCode() == 403)) {
      return new ArtifactStoreException(
          "S3 endpoint "
              + endpoint
              + " refused access to "
              + target
              + " (HTTP "
              + s3.statusCode()
              + errorCode(s3)
              + "): check the access key, secret and permissions",
          e);
    }
    String message = String.valueOf(e.getMessage());
    if (message.startsWith("Unable to load credentials")) {
      return new ArtifactStoreException(
          "no AWS credentials found for S3 endpoint "
              + endpoint
              + ": set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or an AWS profile",
          e);
    }
    return new ArtifactStoreException(
        action + " at S3 endpoint " + endpoint + " failed: " + firstLine(message), e);
  }

  /** Deepest connect-level failure (refused, timeout, DNS) in the cause chain, or null. */
  private static Throwable networkCause(Throwable e) {
    Throwable found = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof NoRouteToHostException
          || t instanceof UnknownHostException
          || t instanceof SocketTimeoutException) {
        found = t;
      }
    }
    return found;
  }

  private static String errorCode(S3Exception e) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    return code == null || code.isBlank() ? "" : " " + code;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }
}
