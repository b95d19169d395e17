package dev.repflow.collapse;

/**
 * Rows {@code [from, to)} of shard {@code index} when {@code rows} rows are cut into {@code count}
 * near-equal contiguous shards.
 */
record Shard(int from, int to) {

  static Shard of(int index, int count, int rows) {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException("shard " + index + " of " + count + " does not exist");
    }
    return new Shard(
        (int) ((long) rows * index / count), (int) ((long) rows * (index + 1) / count));
  }
}
