/**
 * Preparing an app for a run, shared by {@code tugboat run} and the daemon: load the spec and
 * check it as {@code tugboat validate} does ({@link dev.tugboat.app.SpecCheck}, {@link
 * dev.tugboat.app.CheckedSpec}), read the config values, check the host's requirements ({@link
 * dev.tugboat.app.RequirementsGate}), render every container the plan starts ({@link
 * dev.tugboat.app.LaunchProblems}), and hand back the plan and launcher a run needs ({@link
 * dev.tugboat.app.AppPreparer}). Nothing here is of the daemon: no state directory, no HTTP, no
 * threads of its own.
 */
package dev.tugboat.app;
