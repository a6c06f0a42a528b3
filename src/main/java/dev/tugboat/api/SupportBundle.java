package dev.tugboat.api;

import java.nio.file.Path;

/**
 * A support bundle made for one request: a {@code .tar.gz} in the daemon's state directory,
 * {@code size} bytes, offered to the client as {@code fileName}. The API deletes the file once it
 * was sent (or the client went away).
 */
public record SupportBundle(Path file, String fileName, long size) {}
