/**
 * The start plan, the run's state machine, launching, stopping, timeouts, the ready check.
 * One thread (the loop) owns all run state; other threads post events to it.
 */
package dev.tugboat.orchestrator;
