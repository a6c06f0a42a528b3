package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import dev.tugboat.template.TemplateException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Renders and maps every container the plan starts, and the ready check's arguments, before
 * anything starts, exactly as its launch will ({@link SpecLauncher#prepare(ContainerKey,
 * String, Rendering, ContainerConfigMapper.VolumesFrom)}), with the config values and the facts known
 * before a start ({@link DryRunEnvironment}). A failure that does not depend on a fact known only
 * once a container runs would stop the run halfway, after the containers before it started: it is
 * found here instead. A container whose templates need such a fact is checked up to that point.
 */
public final class LaunchCheck {

  /** A container (or the ready check, with no container) that would not launch, and why. */
  public record Failure(Optional<ContainerKey> container, RuntimeException error) {}

  private LaunchCheck() {}

  public static List<Failure> failures(SpecInputs in, ContainerKeys keys, StartPlan plan) {
    List<Failure> failures = new ArrayList<>();
    DryRunEnvironment env = new DryRunEnvironment(in.base(), in.host(), keys, plan, in.clock());
    SpecLauncher launcher = new SpecLauncher(in, keys, plan, null);
    for (PlannedContainer container : plan.containers()) {
      if (container.skipped()) {
        continue;
      }
      ContainerKey key = container.key();
      Rendering r = new Rendering(in.templates(), env, keys.path(key));
      try {
        launcher.prepare(key, "", r, LaunchCheck::placeholders);
      } catch (RuntimeException e) {
        if (!needsRunFact(e)) {
          failures.add(new Failure(Optional.of(key), e));
        }
      }
    }
    in.spec().ready().ifPresent(ready -> {
      Rendering r = new Rendering(in.templates(), env, "state.ready");
      try {
        r.args(ready.args(), "args");
      } catch (RuntimeException e) {
        if (!needsRunFact(e)) {
          failures.add(new Failure(Optional.empty(), e));
        }
      }
    });
    return List.copyOf(failures);
  }

  /** volumes_from names instances that do not exist yet; the plan checked their order. */
  private static List<String> placeholders(List<String> names) {
    return Collections.nCopies(names.size(), "");
  }

  private static boolean needsRunFact(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof TemplateException template) {
        return template.isUnavailableFact();
      }
    }
    return false;
  }
}
