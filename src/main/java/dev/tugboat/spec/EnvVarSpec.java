package dev.tugboat.spec;

/**
 * An {@code env_vars} entry. {@code value} holds {@code value} or its older spelling {@code
 * static_val} (raw, may be a template); {@code writtenAsStaticVal} tells which was used.
 */
public record EnvVarSpec(
    String name,
    String value,
    boolean writtenAsStaticVal,
    String when,
    boolean isExcludedFromSupport) {}
