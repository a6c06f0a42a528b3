package dev.tugboat.spec;

/** A {@code customer_files} entry: the {@code file} config item {@code name}, written at {@code filename}. */
public record CustomerFileSpec(
    String name, String filename, String fileMode, String fileOwner, String when) {}
