package dev.tugboat.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code admin_commands} entry: {@code command} runs in the container named by {@code component}
 * and {@code container}, or by {@code image}. Keys for other schedulers are kept in {@code other}.
 */
public record AdminCommandSpec(
    String alias,
    List<String> command,
    String runType,
    String component,
    String container,
    Optional<ImageRefSpec> image,
    Map<String, Object> other) {

  public AdminCommandSpec {
    command = List.copyOf(command);
    other = RawValues.immutableMap(other);
  }
}
