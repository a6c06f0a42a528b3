package dev.tugboat.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SystemdNotifierTest {

  private final List<String> sent = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private boolean socketGone;

  private final NotifyTransport recording = new NotifyTransport() {
    @Override
    public void send(byte[] datagram) throws IOException {
      if (socketGone) {
        throw new IOException("cannot send to /run/systemd/notify: [111] Connection refused");
      }
      sent.add(new String(datagram, StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
      return "/run/systemd/notify";
    }
  };

  @Test
  void saysReadyStatusStoppingAndAliveAsSdNotifyDoes() {
    SystemdNotifier notifier = new SystemdNotifier(recording, warnings::add);

    notifier.ready("API on http://127.0.0.1:8800; bringing the app up");
    notifier.status("API on http://127.0.0.1:8800; resumed run 20260101-000000.000-ab12");
    notifier.watchdog();
    notifier.stopping("stopping the daemon; the app's containers keep running");

    assertThat(sent).containsExactly(
        "READY=1\nSTATUS=API on http://127.0.0.1:8800; bringing the app up",
        "STATUS=API on http://127.0.0.1:8800; resumed run 20260101-000000.000-ab12",
        "WATCHDOG=1",
        "STOPPING=1\nSTATUS=stopping the daemon; the app's containers keep running");
    assertThat(warnings).isEmpty();
  }

  @Test
  void aStatusIsOneLineSinceSystemdReadsAMessageLineByLine() {
    new SystemdNotifier(recording, warnings::add)
        .status("the app did not start:\n  port 80\r\nis taken\n");

    assertThat(sent).containsExactly("STATUS=the app did not start: port 80 is taken");
  }

  @Test
  void outsideSystemdItSendsNothingAndSaysNothing() {
    SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of(), warnings::add);

    notifier.ready("up");
    notifier.watchdog();
    notifier.stopping("down");

    assertThat(notifier.enabled()).isFalse();
    assertThat(warnings).isEmpty();
  }

  @Test
  void aNotifySocketThatNamesNoSocketIsLoggedAndNotUsed() {
    SystemdNotifier notifier =
        SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", "notify"), warnings::add);

    assertThat(notifier.enabled()).isFalse();
    assertThat(warnings).containsExactly("NOTIFY_SOCKET is set but not used: a Unix socket is"
        + " named by an absolute path or, in the abstract namespace, by @name; not 'notify'");
  }

  @Test
  void aLostMessageIsLoggedOnceUntilOneIsSentAgain() {
    SystemdNotifier notifier = new SystemdNotifier(recording, warnings::add);
    socketGone = true;
    notifier.watchdog();
    notifier.watchdog();
    socketGone = false;
    notifier.watchdog();
    socketGone = true;
    notifier.stopping("bye");

    assertThat(sent).containsExactly("WATCHDOG=1");
    assertThat(warnings).containsExactly(
        "cannot notify systemd through /run/systemd/notify (WATCHDOG=1): cannot send to"
            + " /run/systemd/notify: [111] Connection refused; messages that fail after it are"
            + " not logged until one is sent",
        "cannot notify systemd through /run/systemd/notify (STOPPING=1): cannot send to"
            + " /run/systemd/notify: [111] Connection refused; messages that fail after it are"
            + " not logged until one is sent");
  }

  @Test
  void underSystemdReadyReachesTheSocketInNotifySocket() {
    String socket = "@tugboat-test/notify/" + UUID.randomUUID();
    try (UnixDatagramReceiver systemd = UnixDatagramReceiver.bind(socket)) {
      SystemdNotifier notifier =
          SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", socket), warnings::add);

      notifier.ready("API on http://127.0.0.1:8800; bringing the app up");

      assertThat(notifier.enabled()).isTrue();
      assertThat(systemd.poll())
          .contains("READY=1\nSTATUS=API on http://127.0.0.1:8800; bringing the app up");
      assertThat(warnings).isEmpty();
    }
  }
}
