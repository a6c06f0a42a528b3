package dev.tugboat.config;

import java.util.Optional;

/** Answers {@code ConfigOption} and {@code ConfigOptionData}; empty for an item the spec lacks. */
public interface ConfigLookup {

  Optional<String> option(String item);

  Optional<String> data(String item);
}
