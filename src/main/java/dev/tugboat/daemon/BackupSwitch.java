package dev.tugboat.daemon;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.BackupSpec;
import dev.tugboat.template.Template;
import dev.tugboat.template.TemplateEnvironment;
import dev.tugboat.template.TemplateException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The spec's {@code backup} switches, decided with the settings in use. {@code enabled}: a vendor
 * turns snapshots off (data too large to copy before every upgrade, or kept safe another way), and
 * Tugboat then takes none, by hand or before an upgrade; not given, snapshots are taken. {@code
 * pause_containers}: a snapshot of the running app pauses it rather than being refused.
 */
final class BackupSwitch {

  private static final String ENABLED = "backup.enabled";
  private static final String PAUSE = "backup.pause_containers";

  private final Function<AppSpec, TemplateEnvironment> settings;

  /** {@code settings}: the templates' environment, asked for only when a template is rendered. */
  BackupSwitch(Function<AppSpec, TemplateEnvironment> settings) {
    this.settings = settings;
  }

  /**
   * Why {@code spec} takes no snapshot with the settings in use; empty when it takes them.
   *
   * @throws AppRefusal 409 when {@code enabled} cannot be decided
   */
  Optional<String> off(AppSpec spec) {
    String enabled = spec.backup().enabled();
    if (enabled.isBlank() || decide(spec, enabled, ENABLED)) {
      return Optional.empty();
    }
    return Optional.of("the spec turns snapshots off (" + ENABLED + " is "
        + (Template.hasActions(enabled) ? enabled.trim() + ", false with the settings in use"
            : "false")
        + ")");
  }

  /**
   * Whether a snapshot of {@code spec}'s running app pauses it.
   *
   * @throws AppRefusal 409 when {@code pause_containers} cannot be decided
   */
  boolean pauses(AppSpec spec) {
    String pause = spec.backup().pauseContainers();
    return !pause.isBlank() && decide(spec, pause, PAUSE);
  }

  private boolean decide(AppSpec spec, String raw, String field) {
    String rendered;
    try {
      rendered = Template.hasActions(raw)
          ? Template.parse(raw, field).render(settings.apply(spec)) : raw;
    } catch (TemplateException e) {
      throw new AppRefusal(AppRefusal.Reason.CONFLICT, "the spec's " + field + " cannot be"
          + " decided, so no snapshot is taken: " + e.getMessage());
    }
    return BackupSpec.parseSwitch(rendered).orElseThrow(() -> new AppRefusal(
        AppRefusal.Reason.CONFLICT, "the spec's " + field + " gave '" + rendered.trim()
            + "'; it must give true or false, so no snapshot is taken: fix the spec or the"
            + " setting it reads"));
  }
}
