package dev.tugboat.spec;

/** {@code value_cmd}/{@code default_cmd}/{@code data_cmd}: a {@code cmds} entry and which result to take. */
public record CmdRefSpec(String name, int valueAt) {}
