package dev.tugboat.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.ProbeOutcome;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ObservedTriggersTest {

  private static final ContainerKey KEY = ContainerKey.parse("db-migration/pythonapp");

  private static Observation running() {
    return new Observation(KEY, "id", true, OptionalInt.empty(), "172.17.0.3", List.of(), "");
  }

  private static Observation exited(int code) {
    return new Observation(KEY, "id", false, OptionalInt.of(code), "", List.of(), "");
  }

  @Test
  void containerStopFiresWhateverTheExitCode() {
    Trigger trigger = ObservedTriggers.of(TriggerSpec.of(TriggerKind.CONTAINER_STOP));

    assertThat(trigger.check(running()))
        .isEqualTo(ProbeOutcome.pending("db-migration/pythonapp is still running"));
    assertThat(trigger.check(exited(3)))
        .isEqualTo(ProbeOutcome.passed("db-migration/pythonapp exited with code 3"));
  }

  @Test
  void containerExitFiresOnlyOnItsCode() {
    Trigger trigger = ObservedTriggers.of(TriggerSpec.of(TriggerKind.CONTAINER_EXIT, "0"));

    assertThat(trigger.check(exited(0)).isPassed()).isTrue();
    assertThat(trigger.check(exited(3)))
        .isEqualTo(ProbeOutcome.failed("db-migration/pythonapp exited with code 3, not 0"));
  }

  @Test
  void containerStartFiresOnceRunning() {
    assertThat(ObservedTriggers.of(TriggerSpec.of(TriggerKind.CONTAINER_START)).check(running()))
        .isEqualTo(ProbeOutcome.passed("db-migration/pythonapp started"));
  }

  @Test
  void healthyWaitsForDockersHealthStatus() {
    Trigger trigger = ObservedTriggers.of(TriggerSpec.of(TriggerKind.HEALTHY));
    Observation starting = new Observation(KEY, "id", true, OptionalInt.empty(), "", List.of(),
        "starting");
    Observation healthy = new Observation(KEY, "id", true, OptionalInt.empty(), "", List.of(),
        "healthy");

    assertThat(trigger.check(starting))
        .isEqualTo(ProbeOutcome.pending("db-migration/pythonapp reports starting"));
    assertThat(trigger.check(healthy).isPassed()).isTrue();
    assertThat(trigger.check(exited(1)).status()).isEqualTo(ProbeOutcome.Status.FAILED);
  }
}
