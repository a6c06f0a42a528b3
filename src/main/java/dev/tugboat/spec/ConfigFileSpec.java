package dev.tugboat.spec;

/** A {@code config_files} entry: written into the container before it starts; contents raw. */
public record ConfigFileSpec(
    String filename, String contents, String fileMode, String fileOwner, String when) {}
