package dev.tugboat.trigger;

/** Makes the triggers that answer from what Docker's event stream told the loop. */
public final class ObservedTriggers {

  private ObservedTriggers() {}

  /** The trigger for an observed kind; throws for a kind that must be probed. */
  public static Trigger of(TriggerSpec spec) {
    return switch (spec.kind()) {
      case CONTAINER_START -> new ContainerStartTrigger();
      case CONTAINER_STOP -> new ContainerStopTrigger();
      case CONTAINER_EXIT -> ContainerExitTrigger.fromData(spec.data());
      case HEALTHY -> new HealthyTrigger();
      default -> throw new IllegalArgumentException(
          spec.kind().specName() + " is probed, not observed");
    };
  }
}
