package dev.tugboat.template;

/**
 * A container a template refers to by literal names, as in {@code NodePrivateIPAddress "db"
 * "postgres"}: its component and its image name (or container name).
 */
public record ContainerReference(String component, String container) {
  @Override
  public String toString() {
    return component + "/" + container;
  }
}
