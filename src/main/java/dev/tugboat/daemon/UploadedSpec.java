package dev.tugboat.daemon;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.app.CheckedSpec;
import dev.tugboat.app.SpecCheck;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.LoadedSpec;
import dev.tugboat.spec.SpecLoadException;
import dev.tugboat.spec.SpecLoader;
import java.util.List;

/** A spec sent to the daemon, checked as {@code tugboat validate} checks, and its warnings. */
record UploadedSpec(CheckedSpec checked, List<String> warnings) {

  UploadedSpec {
    warnings = List.copyOf(warnings);
  }

  /**
   * Loads and checks {@code yaml}; problems name {@code name} as their file.
   *
   * @throws AppRefusal 400 listing every error as {@code file:line:column: error [rule] message}
   */
  static UploadedSpec check(String name, byte[] yaml) {
    LoadedSpec loaded;
    try {
      loaded = new SpecLoader().load(yaml, name);
    } catch (SpecLoadException e) {
      throw new AppRefusal(AppRefusal.Reason.INVALID, e.getMessage() + "; nothing was changed");
    }
    CheckedSpec checked = SpecCheck.check(loaded);
    List<String> errors = checked.errorLines();
    if (!errors.isEmpty()) {
      throw new AppRefusal(AppRefusal.Reason.INVALID, name + " has " + errors.size()
          + (errors.size() == 1 ? " error" : " errors") + "; nothing was changed:\n"
          + String.join("\n", errors));
    }
    return new UploadedSpec(checked, checked.warningLines());
  }

  AppSpec spec() {
    return checked.spec();
  }
}
