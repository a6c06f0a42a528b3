package dev.tugboat.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What the journal holds: a fact the loop learned ({@link RunEvent}) or a decision it took ({@link
 * Decision}). The {@code type} property names the record; those names are a saved format.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(RunEvent.class), @JsonSubTypes.Type(Decision.class)})
public sealed interface JournalRecord permits RunEvent, Decision {}
