package dev.tugboat.spec;

/** An {@code extra_hosts} entry, written {@code {hostname, address}} or as {@code "host:address"}. */
public record ExtraHostSpec(String hostname, String address, String when) {}
