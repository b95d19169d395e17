package dev.repflow.data;

/** An image file that cannot be decoded: corrupt, truncated, or not an image at all. */
public final class UnreadableImageException extends IllegalArgumentException {
  private final String source;
  private final String reason;

  public UnreadableImageException(String source, String reason, Throwable cause) {
    super("cannot decode image " + source + ": " + reason, cause);
    this.source = source;
    this.reason = reason;
  }

  /** The file (or file and record) that failed. */
  public String source() {
    return source;
  }

  /** The same failure with {@code hint} appended to its message. */
  UnreadableImageException withHint(String hint) {
    return new UnreadableImageException(source, reason + " (" + hint + ")", getCause());
  }
}
