/**
 * Host requirements and custom requirements as preflight checks. Each check is a pure function of
 * (requirement, what was measured) to a {@link dev.tugboat.requirements.CheckResult} with the
 * measured value and a verdict; {@link dev.tugboat.requirements.HostMeasurer} and {@link
 * dev.tugboat.requirements.HostRequirementCommands} are the only parts that touch the engine or the
 * host, and {@link dev.tugboat.requirements.RequirementsPreflight} puts them together. Blocking;
 * call from a worker thread, never from a run's event loop or the app supervisor.
 */
package dev.tugboat.requirements;
