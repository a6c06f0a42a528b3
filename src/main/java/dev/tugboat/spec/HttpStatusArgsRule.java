package dev.tugboat.spec;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code http-status-args}: an {@code http-status} event has {@code args: [url, code]}, the URL an
 * {@code http://} URL and the code an HTTP status. Templated values are checked once rendered.
 */
final class HttpStatusArgsRule {

  private static final String EXAMPLE = "[\"http://{{repl ThisNodePrivateIPAddress}}:8080/health\","
      + " \"200\"]";

  private HttpStatusArgsRule() {}

  static void check(AppSpec spec, Findings findings) {
    for (LocatedEvent located : SpecWalk.events(spec)) {
      if (!located.event().trigger().equals("http-status")) {
        continue;
      }
      String event = "http-status event \"" + located.event().name() + "\"";
      List<String> args = located.event().args();
      if (args.isEmpty()) {
        findings.error(located.path(), event + " has no \"args\": give the URL to request and the"
            + " status code to wait for, such as " + EXAMPLE);
        continue;
      }
      url(args.get(0)).ifPresent(problem ->
          findings.error(located.child("args[0]"), event + " " + problem));
      if (args.size() < 2) {
        findings.error(located.child("args"), event + " has no status code: give it as the second"
            + " arg, such as " + EXAMPLE);
      } else if (!Templates.isTemplated(args.get(1)) && !isStatus(args.get(1))) {
        findings.error(located.child("args[1]"), event + " waits for status \"" + args.get(1)
            + "\", which is not an HTTP status code (100-599), such as \"200\"");
      }
      if (args.size() > 2) {
        findings.error(located.child("args[2]"), event + " has " + args.size() + " args; it takes"
            + " two, the URL and the status code");
      }
    }
  }

  private static Optional<String> url(String text) {
    if (Templates.isTemplated(text)) {
      return Optional.empty();
    }
    try {
      URI url = new URI(text.trim());
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (scheme.equals("http") && url.getHost() != null) {
        return Optional.empty();
      }
    } catch (URISyntaxException e) {
      // reported below like any other URL that is not http://
    }
    return Optional.of("requests \"" + text + "\", which is not an http:// URL with a"
        + " host, such as http://localhost:8080/health (the host is replaced by the container's"
        + " own address; https is not probed)");
  }

  private static boolean isStatus(String text) {
    try {
      int code = Integer.parseInt(text.trim());
      return code >= 100 && code <= 599;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
