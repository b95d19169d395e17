package dev.repflow.data;

/** Dataset split. Serialized lower-case in artifacts ({@code split} attribute). */
public enum Split {
  TRAIN,
  TEST;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
