package dev.tugboat.spec;

import java.util.Objects;
import java.util.Optional;

/**
 * A config item's {@code test_proc}, Replicated's programmable test procedure: a check of the
 * item's value that the operator runs from the settings. Its {@code custom_command} and
 * {@code results} are those of a custom requirement ({@code check}); {@code command} names one of
 * Replicated's own built-in tests, which Tugboat does not have.
 *
 * @param item the config item's name
 * @param path the field path of the {@code test_proc}
 * @param displayName what the check is called ({@code Check Password Strength})
 * @param runOnSave whether Replicated ran it when the settings were saved
 * @param check the command and how its outcome is judged, when a {@code custom_command} is given
 * @param builtInCommand a built-in test's name ({@code resolve_host}); empty when none
 */
public record TestProcSpec(String item, String path, String displayName, boolean runOnSave,
    Optional<CustomRequirementSpec> check, String builtInCommand) {

  public TestProcSpec {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(builtInCommand, "builtInCommand");
  }

  /** The name it is shown by (a dashboard button, a result): its display name, else the item's. */
  public String shownAs() {
    return displayName.isBlank() ? "Test " + item : displayName;
  }
}
