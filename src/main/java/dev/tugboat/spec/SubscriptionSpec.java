package dev.tugboat.spec;

/** One subscriber of an event: the container to act on, and the action ({@code start}). */
public record SubscriptionSpec(String component, String container, String action) {
  public ContainerRef target() {
    return new ContainerRef(component, container);
  }
}
