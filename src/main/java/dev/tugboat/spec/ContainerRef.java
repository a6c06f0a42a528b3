package dev.tugboat.spec;

/**
 * A container of the spec as events and templates name it: its component and its {@code image_name}
 * (or its {@code name}). Prints as {@code component/container}.
 */
public record ContainerRef(String component, String container) {
  @Override
  public String toString() {
    return component + "/" + container;
  }
}
