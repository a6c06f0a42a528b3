package dev.tugboat.api;

/**
 * One config item as the API shows it. {@code value} is masked for secrets; {@code source} says
 * where it comes from (stored, value, default_cmd, default, none). {@code when} is the spec's text
 * ({@code item=value}, {@code item!=value}, a template, or empty), so a form can re-decide the
 * simple forms as values are edited; {@code shown} is what the group's, the select item's and its
 * own {@code when} give with the stored values.
 */
public record ConfigItemView(
    String name,
    String title,
    String type,
    String group,
    String parent,
    String value,
    String source,
    boolean required,
    boolean hidden,
    boolean readonly,
    boolean shown,
    boolean secret,
    String when,
    String test) {}
