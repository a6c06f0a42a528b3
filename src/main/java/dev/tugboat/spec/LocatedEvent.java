package dev.tugboat.spec;

/** A {@code publish_events} entry with its path and the container that publishes it. */
public record LocatedEvent(String path, ContainerSpec publisher, EventSpec event) {
  public String child(String key) {
    return path + "." + key;
  }
}
