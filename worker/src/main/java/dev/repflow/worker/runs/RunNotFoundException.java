package dev.repflow.worker.runs;

/** No run with the asked id on the server (or, for stored reports, in the bucket). */
public final class RunNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RunNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
