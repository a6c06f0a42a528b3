/**
 * The configuration screen and its values. {@link dev.tugboat.config.ConfigScreen} indexes a spec's
 * items and options; {@link dev.tugboat.config.ConfigResolver} resolves them against the stored
 * {@link dev.tugboat.config.Settings} (stored, else {@code value}, else {@code default_cmd}, else
 * {@code default}) into immutable {@link dev.tugboat.config.ConfigValues}, running the {@code cmds}
 * {@link dev.tugboat.config.Generators} it needs; {@link dev.tugboat.config.ConfigLoader} saves what
 * {@code value_cmd} generated so it is computed once. {@link dev.tugboat.config.ConfigValidator} checks
 * required items and writes; {@link dev.tugboat.config.SecretMasker} hides secret values in any text.
 * {@link dev.tugboat.config.SpecPreview} renders a whole spec for {@code tugboat render} with the
 * placeholders of {@link dev.tugboat.config.PreviewFacts}; {@link dev.tugboat.config.TemplateProblems}
 * is {@code tugboat validate}'s template check. {@link dev.tugboat.config.ConfigAssignments} reads
 * {@code ITEM=VALUE} arguments.
 *
 * <p>For a run: {@code new ConfigLoader(Generators.standard(random, host, new
 * CertificateAuthorityStore(stateDir, clock, random))).load(spec, new SettingsStore(stateDir
 * .resolve(SettingsStore.FILE_NAME)), facts)}, then {@link dev.tugboat.config.ConfigValidator#requireComplete},
 * then render with {@code values.environment(runFacts)} and mask with {@link
 * dev.tugboat.config.SpecSecrets#masker} (text split into lines with {@code maskLines}, so a secret
 * that spans lines is hidden too).
 *
 * <p>Knows nothing of Docker, threads or HTTP. Values are immutable and may be read from any thread;
 * a resolution runs on the caller's thread and does blocking work only in {@code cmds} (key
 * generation) and in the settings and CA files.
 */
package dev.tugboat.config;
