package dev.repflow.faults;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Which fault the proxy injects into each request: the n-th request through the proxy gets the n-th
 * draw of a generator seeded by the plan, so a seed fixes the schedule. (Which request is the n-th
 * can vary when requests run in parallel.)
 */
final class FaultPlan {
  /** What happens to one request. */
  enum Fault {
    NONE,
    /** S3 answers 500 InternalError or 503 SlowDown (without reaching the store). */
    SERVER_ERROR,
    /** The connection is reset (TCP RST) before the request is forwarded. */
    RESET,
    /** Half the request body reaches S3, then both connections are reset. */
    TRUNCATED_REQUEST,
    /** The response head and half its body reach the client, then the connection is reset. */
    TRUNCATED_RESPONSE,
    /** The response stops in the middle (or before its head) for longer than the read timeout. */
    STALL
  }

  /** Every fault kind. */
  static final List<Fault> ALL =
      List.of(
          Fault.SERVER_ERROR,
          Fault.RESET,
          Fault.TRUNCATED_REQUEST,
          Fault.TRUNCATED_RESPONSE,
          Fault.STALL);

  private final Random random;
  private final double rate;
  private final List<Fault> kinds;
  private final Map<Fault, Integer> injected = new EnumMap<>(Fault.class);
  private boolean paused;

  /**
   * @param rate share of requests that get a fault, in [0, 1]
   * @param kinds faults to choose from, uniformly
   */
  FaultPlan(long seed, double rate, List<Fault> kinds) {
    this.random = new Random(seed);
    this.rate = rate;
    this.kinds = List.copyOf(kinds);
  }

  /** A plan that injects nothing. */
  static FaultPlan none() {
    return new FaultPlan(0, 0, List.of());
  }

  /** Every request gets {@code fault}. */
  static FaultPlan always(Fault fault) {
    return new FaultPlan(0, 1, List.of(fault));
  }

  synchronized Fault next() {
    if (paused || kinds.isEmpty() || random.nextDouble() >= rate) {
      return Fault.NONE;
    }
    Fault fault = kinds.get(random.nextInt(kinds.size()));
    injected.merge(fault, 1, Integer::sum);
    return fault;
  }

  /** Lets requests through untouched until {@link #resume()}, e.g. while a test inspects S3. */
  synchronized void pause() {
    paused = true;
  }

  synchronized void resume() {
    paused = false;
  }

  /** Faults injected so far, by kind. */
  synchronized Map<Fault, Integer> injected() {
    return new EnumMap<>(injected);
  }

  synchronized int total() {
    return injected.values().stream().mapToInt(Integer::intValue).sum();
  }
}
