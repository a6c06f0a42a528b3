package dev.tugboat.runtime;

/** A container port and the host address and port the engine bound it to. */
public record PublishedPort(int containerPort, Protocol protocol, String hostAddress, int hostPort) {}
