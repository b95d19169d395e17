package dev.repflow.reports;

/**
 * How one pipeline's result becomes report sections. Registered in {@link RunLayouts}.
 *
 * @param workflowType the pipeline's workflow type
 * @param specType its spec record
 * @param resultType its result record
 */
public record RunLayout<S, R>(
    String workflowType, Class<S> specType, Class<R> resultType, Describer<S, R> describer) {

  /** Fills the sections of one finished run. */
  @FunctionalInterface
  public interface Describer<S, R> {
    void describe(S spec, R result, Sections out);
  }

  /** Describes {@code spec} and {@code result}, already read as this layout's types. */
  void describe(Object spec, Object result, Sections out) {
    describer.describe(specType.cast(spec), resultType.cast(result), out);
  }
}
