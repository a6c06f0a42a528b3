package dev.tugboat.trigger;

import java.util.List;
import java.util.Objects;

/** What fires an event: the trigger, its {@code data} and its {@code args}, as the spec gave them. */
public record TriggerSpec(TriggerKind kind, String data, List<String> args) {

  public TriggerSpec {
    Objects.requireNonNull(kind, "kind");
    data = data == null ? "" : data;
    args = List.copyOf(args);
  }

  public static TriggerSpec of(TriggerKind kind) {
    return new TriggerSpec(kind, "", List.of());
  }

  public static TriggerSpec of(TriggerKind kind, String data) {
    return new TriggerSpec(kind, data, List.of());
  }

  /**
   * {@code port-listen 5432}, {@code exec [pg_isready, -q]}, {@code http-status
   * [http://localhost:8080/health, 200]}, {@code container-stop}.
   */
  public String describe() {
    String name = kind.specName();
    if (kind == TriggerKind.EXEC || kind == TriggerKind.HTTP_STATUS) {
      return name + " " + args;
    }
    return data.isEmpty() ? name : name + " " + data;
  }
}
