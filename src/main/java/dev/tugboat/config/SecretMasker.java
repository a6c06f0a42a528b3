package dev.tugboat.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Knows the secret values of an app (values of {@code password} items, env vars marked {@code
 * is_excluded_from_support}) and hides them in any text: CLI output, logs, status, error messages.
 * Apps rarely print a secret as it is: a JSON log line, a rendered JSON config file or a shell
 * trace carries it escaped, so each secret is also hidden in its JSON-escaped forms (once and
 * twice; non-ASCII kept or as {@code \\u} escapes; {@code \\/}), its shell-quoted forms (inside
 * double quotes, inside single quotes, backslashed as {@code printf %q} writes it) and its URL
 * encoding.
 *
 * <p>A secret with a line break (a PEM key) is hidden whether its lines end in LF or CRLF. Text that
 * was split into lines before it reaches the masker (container logs, a run's last output) goes
 * through {@link #maskLines}, which also hides the secret where it spans lines, as {@link #mask}
 * does in a text of several lines; both hide each of its lines that is long enough to be told
 * apart on its own (see {@link SecretLines}).
 *
 * <p>A secret of fewer than four characters is hidden only where it stands apart from letters and
 * digits ({@code password=x}, not the x of {@code exited}): hidden everywhere it would garble every
 * line, and such a value is guessed as easily as read.
 * Immutable; safe to share between threads.
 */
public final class SecretMasker {

  /** What a secret is replaced with, whatever its length. */
  public static final String MASK = "********";

  private static final Comparator<String> LONGEST_FIRST =
      Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder());

  private static final SecretMasker NONE = new SecretMasker(List.of());

  private final List<String> secrets;
  // Every form of every secret, longest first, so a secret (or form) that contains another shorter
  // one is hidden whole.
  private final List<String> forms;
  // The lines of multi-line secrets that are hidden on their own, in their forms, longest first.
  // They go last: a run of lines that shows a secret is found by its lines as written.
  private final List<String> lineForms;
  // Secrets of fewer than SecretLines.MIN_ALONE characters, hidden only where they stand apart
  // (no letter or digit on either side): a password "x" must not turn "exited" into "e****ited".
  private final List<String> shortForms;
  private final List<SecretLines> multiLine;

  private SecretMasker(List<String> secrets) {
    this.secrets = secrets;
    Set<String> all = new TreeSet<>(LONGEST_FIRST);
    Set<String> ofLines = new TreeSet<>(LONGEST_FIRST);
    Set<String> shortOnes = new TreeSet<>(LONGEST_FIRST);
    List<SecretLines> spanning = new ArrayList<>();
    for (String secret : secrets) {
      SecretLines lines = SecretLines.of(secret);
      if (lines.isMultiLine()) {
        spanning.add(lines);
        // The lines of a secret as a program writes them: ending in LF or in CRLF.
        String lf = secret.replace("\r\n", "\n");
        all.addAll(SecretForms.of(lf));
        all.addAll(SecretForms.of(lf.replace("\n", "\r\n")));
        lines.alone().forEach(line -> ofLines.addAll(SecretForms.of(line)));
      }
      if (secret.strip().length() < SecretLines.MIN_ALONE) {
        shortOnes.addAll(SecretForms.of(secret));
      } else {
        all.addAll(SecretForms.of(secret));
      }
    }
    this.forms = List.copyOf(all);
    this.shortForms = List.copyOf(shortOnes);
    this.lineForms = List.copyOf(ofLines);
    this.multiLine = List.copyOf(spanning);
  }

  /** A masker that hides nothing. */
  public static SecretMasker none() {
    return NONE;
  }

  /** A masker for these values; empty and blank values are ignored (they would mask everything). */
  public static SecretMasker of(Collection<String> values) {
    Set<String> unique = new TreeSet<>(LONGEST_FIRST);
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        unique.add(value);
      }
    }
    return new SecretMasker(List.copyOf(unique));
  }

  /** This masker plus more secret values. */
  public SecretMasker with(Collection<String> values) {
    List<String> all = new ArrayList<>(secrets);
    all.addAll(values);
    return of(all);
  }

  /** The secret values it hides, longest first. */
  public List<String> secrets() {
    return secrets;
  }

  /** This masker plus every secret of {@code other}. */
  public SecretMasker with(SecretMasker other) {
    return with(other.secrets);
  }

  /**
   * The text with every occurrence of every secret replaced by {@link #MASK}; null stays null. A
   * text of several lines is also masked as {@link #maskLines} masks its lines; its line ends stay.
   */
  public String mask(String text) {
    if (text == null || secrets.isEmpty()) {
      return text;
    }
    String masked = replace(text, forms);
    if (!multiLine.isEmpty() && masked.indexOf('\n') >= 0) {
      masked = String.join("\n", markRuns(List.of(masked.split("\n", -1))));
    }
    return replaceApart(replace(masked, lineForms), shortForms);
  }

  /**
   * An excerpt of a longer text, masked as {@link #mask} does, and also where a secret was cut by
   * the excerpt's edge: {@code cutAtStart}, the text begins after the start of what it was taken
   * from, so it may begin with the end of a secret; {@code cutAtEnd}, it may end with a secret's
   * beginning. The longest such piece at an edge is hidden; at a cut edge a few characters that
   * merely look like a secret's first or last ones are hidden too, which costs nothing there.
   */
  public String maskExcerpt(String text, boolean cutAtStart, boolean cutAtEnd) {
    if (text == null || secrets.isEmpty() || !cutAtStart && !cutAtEnd) {
      return mask(text);
    }
    // A cut by bytes splits a character: what decodes to U+FFFD at the edge is no text.
    String cut = text;
    if (cutAtEnd) {
      cut = cut.replaceFirst("\uFFFD+$", "");
    }
    if (cutAtStart) {
      cut = cut.replaceFirst("^\uFFFD+", "");
    }
    // The pieces are found in the text as it came: masked first, a shorter secret inside the
    // piece would hide the longer one's beginning from the match.
    int end = cutAtEnd ? longestEdgePiece(cut, false) : 0;
    int start = cutAtStart ? longestEdgePiece(cut, true) : 0;
    if (start + end >= cut.length()) {
      return cut.isEmpty() ? cut : MASK;
    }
    return (start > 0 ? MASK : "") + mask(cut.substring(start, cut.length() - end))
        + (end > 0 ? MASK : "");
  }

  /**
   * The length of the longest proper piece of a secret's form that {@code text} starts with (a
   * form's end: {@code atStart}) or ends with (a form's beginning); 0 when none.
   */
  private int longestEdgePiece(String text, boolean atStart) {
    int longest = 0;
    for (List<String> kind : List.of(forms, lineForms, shortForms)) {
      for (String form : kind) {
        for (int k = Math.min(form.length() - 1, text.length()); k > longest; k--) {
          boolean matches = atStart
              ? text.regionMatches(0, form, form.length() - k, k)
              : text.regionMatches(text.length() - k, form, 0, k);
          if (matches) {
            longest = k;
            break;
          }
        }
      }
    }
    return longest;
  }

  /**
   * The lines with every secret hidden, as {@link #mask} hides it in each, and also where a secret
   * with a line break spans lines (its first line ending one line, its last starting another).
   */
  public List<String> maskLines(List<String> lines) {
    if (secrets.isEmpty()) {
      return List.copyOf(lines);
    }
    return markRuns(lines).stream()
        .map(line -> replaceApart(replace(replace(line, forms), lineForms), shortForms)).toList();
  }

  private List<String> markRuns(List<String> lines) {
    if (multiLine.isEmpty()) {
      return lines;
    }
    LineMarks marks = new LineMarks(lines.size());
    multiLine.forEach(secret -> secret.mark(lines, marks));
    return marks.apply(lines);
  }

  private static String replace(String text, List<String> forms) {
    String masked = text;
    for (String form : forms) {
      masked = masked.replace(form, MASK);
    }
    return masked;
  }

  private static String replaceApart(String text, List<String> forms) {
    String masked = text;
    for (String form : forms) {
      StringBuilder out = null;
      int from = 0;
      for (int at = masked.indexOf(form); at >= 0; at = masked.indexOf(form, at + 1)) {
        int end = at + form.length();
        if (alphanumericAt(masked, at - 1) || alphanumericAt(masked, end)) {
          continue;
        }
        out = out == null ? new StringBuilder(masked.length()) : out;
        out.append(masked, from, at).append(MASK);
        from = end;
        at = end - 1;
      }
      if (out != null) {
        masked = out.append(masked, from, masked.length()).toString();
      }
    }
    return masked;
  }

  private static boolean alphanumericAt(String text, int index) {
    return index >= 0 && index < text.length() && Character.isLetterOrDigit(text.charAt(index));
  }

  /** Whether this exact value is one of the secrets. */
  public boolean isSecret(String value) {
    return value != null && secrets.contains(value);
  }

  /** How many distinct secrets this masker hides. */
  public int size() {
    return secrets.size();
  }
}
