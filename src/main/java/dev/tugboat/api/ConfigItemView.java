package dev.tugboat.api;

/**
 * One config item as the API shows it. {@code value} is masked for secrets; {@code source} says
 * where it comes from (stored, value, default_cmd, default, none).
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
    boolean secret) {}
