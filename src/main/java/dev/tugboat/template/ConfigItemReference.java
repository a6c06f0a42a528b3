package dev.tugboat.template;

/**
 * A config item a template names with a literal argument, as in {@code ConfigOption "hostname"}:
 * the name, and where the name's literal starts in the template (1-based line and column).
 */
public record ConfigItemReference(String item, int line, int column) {}
