package dev.tugboat.spec;

/** A value of the spec with its field path, such as {@code components[0].containers[1]}. */
public record Located<T>(String path, T value) {
  public String child(String key) {
    return path + "." + key;
  }
}
