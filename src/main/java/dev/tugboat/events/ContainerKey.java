package dev.tugboat.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Comparator;
import java.util.Objects;

/**
 * Identifies a container of the spec within a run: its component and its name there ({@code
 * image_name}, or {@code name} where the spec sets one). Printed as {@code component/container}, the
 * form events, status and the journal use.
 *
 * <p>{@code instance} tells the instances of a container with {@code cluster_instance_count} apart:
 * 0 is the container itself, which is also the key of its only instance when it has one; 1..n are
 * the instances of a container that has several, printed {@code component/container#n}. The
 * journal writes the number only when it is not 0, so journals of containers with one instance read
 * as before.
 */
public record ContainerKey(
    String component,
    String container,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int instance)
    implements Comparable<ContainerKey> {

  private static final Comparator<ContainerKey> ORDER = Comparator
      .comparing((ContainerKey key) -> key.component + "/" + key.container)
      .thenComparingInt(ContainerKey::instance);

  public ContainerKey {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(container, "container");
    if (instance < 0) {
      throw new IllegalArgumentException("instance number " + instance + " is negative");
    }
  }

  public ContainerKey(String component, String container) {
    this(component, container, 0);
  }

  /** From the journal, where {@code instance} is absent for a container's only instance. */
  @JsonCreator
  static ContainerKey fromJson(@JsonProperty("component") String component,
      @JsonProperty("container") String container, @JsonProperty("instance") Integer instance) {
    return new ContainerKey(component, container, instance == null ? 0 : instance);
  }

  /** Parses {@code component/container} or {@code component/container#n}. */
  public static ContainerKey parse(String text) {
    int slash = text.indexOf('/');
    if (slash <= 0 || slash == text.length() - 1) {
      throw new IllegalArgumentException(
          "expected component/container, got \"" + text + "\"");
    }
    String rest = text.substring(slash + 1);
    int hash = rest.lastIndexOf('#');
    if (hash > 0 && hash < rest.length() - 1
        && rest.substring(hash + 1).chars().allMatch(Character::isDigit)) {
      return new ContainerKey(text.substring(0, slash), rest.substring(0, hash),
          Integer.parseInt(rest.substring(hash + 1)));
    }
    return new ContainerKey(text.substring(0, slash), rest);
  }

  /** The container this instance belongs to (itself when it is the container's key). */
  public ContainerKey whole() {
    return instance == 0 ? this : new ContainerKey(component, container, 0);
  }

  /** The key of instance {@code n} (1..count) of this container. */
  public ContainerKey withInstance(int n) {
    return new ContainerKey(component, container, n);
  }

  /** True when both name the same container of the spec, whichever instances they are. */
  public boolean sameContainer(ContainerKey other) {
    return component.equals(other.component) && container.equals(other.container);
  }

  @Override
  public int compareTo(ContainerKey other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return component + "/" + container + (instance == 0 ? "" : "#" + instance);
  }
}
