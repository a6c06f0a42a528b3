package dev.tugboat.trigger;

import dev.tugboat.events.ProbeOutcome;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Extension {@code http-status} with {@code args: [url, code]}: a GET of {@code url} answers with
 * status {@code code} (redirects are not followed).
 *
 * <p>Only the URL's path, query and port count: its host is replaced by the publisher's own
 * address, the one {@code port-listen} probes (with host networking the host's), so {@code
 * http://{{repl ThisNodePrivateIPAddress}}:8080/health}, {@code http://localhost:8080/health} and
 * any other host all probe the publisher. Docker's userland proxy answers on a published port as
 * soon as the container starts, long before the server inside does; and the event is about the
 * publisher, not some other host. A port that is a public port bound to a private one is probed on
 * the private port, as {@code port-listen} does. The URL as written is kept as the request's
 * {@code Host} header.
 */
public final class HttpStatusTrigger implements Trigger {

  /** One check may not hold a worker longer than this; the next check tries again. */
  static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

  private final URI url;
  private final int expected;
  private final HttpStatusReader reader;

  HttpStatusTrigger(URI url, int expected, HttpStatusReader reader) {
    this.url = url;
    this.expected = expected;
    this.reader = reader;
  }

  /**
   * From the rendered {@code args}; arguments that are not {@code [http URL, status code]} make a
   * trigger that fails saying so (validation refuses them before a run where it can see them).
   */
  public static Trigger fromArgs(List<String> args, HttpStatusReader reader) {
    if (args.size() != 2) {
      return fails("http-status needs args [url, code], got " + args);
    }
    String text = args.get(0).trim();
    URI url;
    try {
      url = new URI(text);
    } catch (URISyntaxException e) {
      return fails("http-status url \"" + text + "\" is not a URL: " + e.getReason());
    }
    if (url.getScheme() == null || !url.getScheme().toLowerCase(Locale.ROOT).equals("http")
        || url.getHost() == null) {
      return fails("http-status url \"" + text + "\" is not an http:// URL with a host, such as"
          + " http://localhost:8080/health");
    }
    try {
      return new HttpStatusTrigger(url, Integer.parseInt(args.get(1).trim()), reader);
    } catch (NumberFormatException e) {
      return fails("http-status code \"" + args.get(1) + "\" is not a status code such as 200");
    }
  }

  private static Trigger fails(String message) {
    return publisher -> ProbeOutcome.failed(message);
  }

  @Override
  public ProbeOutcome check(Observation publisher) {
    if (publisher.exited()) {
      return ProbeOutcome.failed(publisher.container() + " exited with code "
          + publisher.exitCode().getAsInt() + " before " + url + " answered " + expected);
    }
    if (publisher.address().isEmpty()) {
      return ProbeOutcome.pending(publisher.container() + " has no address yet");
    }
    int port = publisher.privatePortFor(url.getPort() < 0 ? 80 : url.getPort());
    String where = where(publisher.address(), port);
    try {
      int status = reader.status(publisher.address(), port, url, ATTEMPT_TIMEOUT);
      String seen = where + " answered " + status;
      return status == expected
          ? ProbeOutcome.passed(seen) : ProbeOutcome.pending(seen + ", not " + expected);
    } catch (SocketTimeoutException e) {
      return ProbeOutcome.pending(where + " did not answer within " + ATTEMPT_TIMEOUT.toSeconds()
          + " s");
    } catch (ConnectException e) {
      return ProbeOutcome.pending(where + " refused the connection");
    } catch (IOException e) {
      return ProbeOutcome.pending(where + ": " + e.getMessage());
    }
  }

  /** The URL actually requested, for messages: the publisher's address in place of the host. */
  private String where(String address, int port) {
    String host = address.contains(":") ? "[" + address + "]" : address;
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    return "http://" + host + ":" + port + path
        + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
  }
}
