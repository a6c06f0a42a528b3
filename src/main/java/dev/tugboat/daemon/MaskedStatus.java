package dev.tugboat.daemon;

import dev.tugboat.config.SecretMasker;
import dev.tugboat.orchestrator.RunStatus;
import java.util.List;

/** A run status with every secret value hidden in its texts, for the API and the dashboard. */
final class MaskedStatus {

  private MaskedStatus() {}

  static RunStatus of(RunStatus s, SecretMasker masker) {
    List<RunStatus.ContainerStatus> containers = s.containers().stream()
        .map(c -> new RunStatus.ContainerStatus(c.container(), c.instanceName(), c.containerId(),
            c.state(), masker.mask(c.summary()), c.exitCode(), c.restarts(), c.ports(),
            c.waitingOn(), masker.mask(c.startedBy()), masker.mask(c.detail()),
            masker.maskLines(c.lastOutput()), c.address()))
        .toList();
    List<RunStatus.EventStatus> events = s.events().stream()
        .map(e -> new RunStatus.EventStatus(e.name(), e.publisher(), masker.mask(e.trigger()),
            e.fired(), e.firedAt(), masker.mask(e.lastSeen()), masker.mask(e.neverReason())))
        .toList();
    return new RunStatus(s.runId(), s.app(), s.state(), masker.mask(s.message()), s.sequence(),
        s.updatedAt(), s.ended(), containers, events, new RunStatus.ReadyStatus(s.ready().state(),
            masker.mask(s.ready().description()), masker.mask(s.ready().lastSeen())),
        s.interrupted(), masker.mask(s.dockerLost()), masker.mask(s.paused()));
  }
}
