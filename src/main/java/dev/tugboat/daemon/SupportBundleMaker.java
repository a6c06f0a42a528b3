package dev.tugboat.daemon;

import dev.tugboat.api.SupportBundle;
import dev.tugboat.config.SecretMasker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes a support bundle from its parts: several at once, in the order given (the daemon's own
 * first, the engine's after, so a silent engine holds up none of the daemon's), each waited for
 * until what is left of the bundle's deadline. A part that fails, finds nothing or is not done in
 * time becomes a line of {@code errors.txt} and of the index, never a failed bundle. Every text,
 * the index and the notes included, passes the masker before it is written.
 */
final class SupportBundleMaker {

  /**
   * Parts made at once, at most: a spec's support files and commands multiply the parts by the
   * instances, and each holds up to a mebibyte until written; the engine's client also refuses
   * calls past its bound on calls under way, which would note parts as unanswered that were
   * never asked.
   */
  static final int MAX_THREADS = 8;

  private final SupportLimits limits;

  SupportBundleMaker(SupportLimits limits) {
    this.limits = limits;
  }

  /**
   * Writes the bundle of {@code parts} to {@code file}, all under the directory {@code top};
   * {@code header} opens the index (what the bundle is of, when it was made).
   */
  SupportBundle make(List<SupportPart> parts, SecretMasker masker, List<String> header,
      Instant made, Path file, String top) throws IOException {
    SupportArchive archive = new SupportArchive(limits.maxContentBytes());
    ExecutorService threads = DaemonThreads.pool("tugboat-support",
        Math.max(1, Math.min(MAX_THREADS, parts.size())));
    try {
      List<Future<SupportContent>> futures = new ArrayList<>();
      for (SupportPart part : parts) {
        futures.add(threads.submit(part.make()));
      }
      long deadline = System.nanoTime() + limits.deadline().toNanos();
      for (int i = 0; i < parts.size(); i++) {
        collect(parts.get(i), futures.get(i), deadline, masker, archive);
      }
    } finally {
      threads.shutdownNow();
    }
    archive.write(file, top, masker.mask(index(header, archive)), made);
    return new SupportBundle(file, top + ".tar.gz", Files.size(file));
  }

  private void collect(SupportPart part, Future<SupportContent> future, long deadline,
      SecretMasker masker, SupportArchive archive) {
    try {
      SupportContent content = future.get(Math.max(0, deadline - System.nanoTime()),
          TimeUnit.NANOSECONDS);
      archive.add(part.name(), part.description(), content.masked(masker));
    } catch (TimeoutException late) {
      future.cancel(true);
      archive.note(part.name(), "not made within the bundle's " + limits.deadline().toSeconds()
          + " s (is the Docker Engine answering? check: docker info)");
    } catch (ExecutionException failed) {
      Throwable cause = failed.getCause();
      archive.note(part.name(), masker.mask(cause instanceof SupportPart.Missing missing
          ? missing.getMessage() : "could not be made: " + describe(cause)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      archive.note(part.name(), "not made: the daemon is stopping");
    } catch (RuntimeException e) {
      archive.note(part.name(), masker.mask("could not be written: " + describe(e)));
    }
  }

  private static String describe(Throwable cause) {
    return cause.getMessage() == null || cause.getMessage().isBlank() ? cause.toString()
        : cause.getMessage();
  }

  private static String index(List<String> header, SupportArchive archive) {
    List<String> lines = new ArrayList<>(header);
    lines.add("");
    lines.add("Files (bytes, what it is):");
    int width = SupportArchive.INDEX.length();
    for (SupportArchive.Entry entry : archive.entries()) {
      width = Math.max(width, entry.name().length());
    }
    lines.add(row(width, SupportArchive.INDEX, "-", "this index"));
    for (SupportArchive.Entry entry : archive.entries()) {
      lines.add(row(width, entry.name(), Integer.toString(entry.bytes().length),
          entry.description()));
    }
    if (!archive.notes().isEmpty()) {
      lines.add(row(width, SupportArchive.ERRORS, "-", "the parts below, which are missing"));
      lines.add("");
      lines.add("Missing or incomplete (also in " + SupportArchive.ERRORS + "):");
      archive.notes().forEach(note -> lines.add("  " + note));
    }
    return String.join("\n", lines) + "\n";
  }

  private static String row(int width, String name, String size, String what) {
    return String.format("  %-" + width + "s  %9s  %s", name, size, what);
  }
}
