package dev.tugboat.spec;

/** A {@code ulimits} entry; limits kept as written. */
public record UlimitSpec(String name, String soft, String hard) {}
