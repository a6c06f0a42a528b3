/**
 * Events of a run (a sealed interface of records), the bus that orders them, and the journal.
 */
package dev.tugboat.events;
