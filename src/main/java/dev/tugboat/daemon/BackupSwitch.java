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
 * The spec's {@code backup.enabled}, decided with the settings in use: a vendor turns snapshots
 * off (data too large to copy before every upgrade, or kept safe another way), and Tugboat then
 * takes none, by hand or before an upgrade. Not given, snapshots are taken.
 */
final class BackupSwitch {

  private static final String FIELD = "backup.enabled";

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
    BackupSpec backup = spec.backup();
    if (!backup.switchable()) {
      return Optional.empty();
    }
    boolean templated = backup.enabled().contains("{{repl");
    String rendered;
    try {
      rendered = templated ? Template.parse(backup.enabled(), FIELD).render(settings.apply(spec))
          : backup.enabled();
    } catch (TemplateException e) {
      throw new AppRefusal(AppRefusal.Reason.CONFLICT, "the spec's " + FIELD + " cannot be"
          + " decided, so no snapshot is taken: " + e.getMessage());
    }
    boolean on = BackupSpec.parseSwitch(rendered).orElseThrow(() -> new AppRefusal(
        AppRefusal.Reason.CONFLICT, "the spec's " + FIELD + " gave '" + rendered.trim()
            + "'; it must give true or false, so no snapshot is taken: fix the spec or the"
            + " setting it reads"));
    if (on) {
      return Optional.empty();
    }
    return Optional.of("the spec turns snapshots off (" + FIELD + " is " + (templated
        ? backup.enabled().trim() + ", false with the settings in use" : "false") + ")");
  }
}
