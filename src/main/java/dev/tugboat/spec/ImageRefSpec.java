package dev.tugboat.spec;

/** {@code image: {image_name, version}} of an admin command. */
public record ImageRefSpec(String imageName, String version) {}
