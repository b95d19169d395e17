package dev.repflow.worker.cli;

/** A command invoked in a way that cannot work (e.g. a missing server address); one line. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
