'use strict';
// Wires the page: asks for the token once, follows the daemon's events and reads the status again
// when one arrives (every 2 s while the event stream is broken), runs the controls.
(function (T) {
  const POLL_MS = 2000;
  // While the stream is up: what neither an event nor a status notice announces (a start refused
  // before its run began) still shows within this.
  const STREAMING_POLL_MS = 30000;
  // Events can come faster than reading the status is worth (a probe every few hundred ms, the
  // backlog after a reconnect): at most one read per this.
  const READ_GAP_MS = 200;
  const byId = (id) => document.getElementById(id);

  const nodes = {
    login: byId('login'), tokenForm: byId('token-form'), tokenInput: byId('token-input'),
    tokenError: byId('token-error'), dashboard: byId('dashboard'), forget: byId('forget-token'),
    connection: byId('connection'), actionResult: byId('action-result'),
    app: {
      name: byId('app-name'), title: byId('app-title'), state: byId('app-state'),
      message: byId('app-message'), startup: byId('app-startup'), ready: byId('app-ready'),
      docker: byId('app-docker'),
      meta: byId('app-meta'),
      start: byId('btn-start'), stop: byId('btn-stop'), restart: byId('btn-restart'),
    },
  };

  const api = new T.api.Api(window.sessionStorage, (error) => askToken(
    'The daemon refused the token (HTTP ' + error.status + '). Paste the current one.'));
  // The last status shown: the failure view shows it again when the logs it asked for arrive.
  let shown = null;
  const failure = new T.failureView.FailureView(api, byId('failure'), byId('failure-title'),
    byId('failure-body'), () => { if (shown) render(shown); });
  const logs = new T.logsView.LogsView(api, {
    panel: byId('logs'), title: byId('logs-title'), text: byId('logs-text'),
    refresh: byId('logs-refresh'), close: byId('logs-close'),
  });
  const config = new T.configView.ConfigView(api, byId('config'));
  const license = new T.licenseView.LicenseView(api, byId('license'), byId('license-body'));
  const swarmNodes = new T.nodesView.NodesView(api, byId('nodes'), byId('nodes-body'));
  T.supportView.wire(api, byId('support-bundle'), byId('support-result'));
  const bundle = new T.bundleView.BundleView(api, {
    file: byId('bundle-file'), check: byId('bundle-check'), apply: byId('bundle-apply'),
    progress: byId('bundle-progress'), result: byId('bundle-result'),
  }, () => { refresh(generation, 'bundle applied'); config.load(); });
  const snapshots = new T.snapshotsView.SnapshotsView(api, byId('snapshots-body'),
    () => refresh(generation, 'snapshot'));

  // Each sign-in starts a new refresh loop; an older loop sees the change and ends.
  let generation = 0;
  let timer = null;
  // One status request at a time: events that arrive meanwhile ask for one more, not one each.
  let reading = false;
  let readAgain = null;

  const follower = new T.eventStream.EventFollower(api, {
    open: () => refresh(generation, 'stream opened'),
    event: () => refresh(generation, 'event'),
    broken: () => refresh(generation, 'stream lost'),
  });

  function askToken(message) {
    generation += 1;
    clearTimeout(timer);
    follower.stop();
    api.forgetToken();
    nodes.dashboard.hidden = true;
    nodes.forget.hidden = true;
    nodes.connection.textContent = '';
    nodes.login.hidden = false;
    nodes.tokenError.textContent = message || '';
    nodes.tokenInput.value = '';
    nodes.tokenInput.focus();
  }

  function open() {
    generation += 1;
    const mine = generation;
    nodes.login.hidden = true;
    nodes.dashboard.hidden = false;
    nodes.forget.hidden = false;
    delete nodes.dashboard.dataset.loaded;
    const first = [refresh(generation, 'opened')];
    follower.start();
    first.push(config.load(), license.load(), swarmNodes.load(), snapshots.load());
    swarmNodes.watch();
    // Panels appear and grow as their first reads answer; data-loaded says the page has stopped
    // moving, for whoever clicks by position (a script driving the page, a screen reader's user).
    Promise.allSettled(first).then(() => {
      if (mine === generation) nodes.dashboard.dataset.loaded = 'true';
    });
  }

  /** Reads the status and shows it; `why` is kept on the connection line (data-refresh). */
  async function refresh(mine, why) {
    if (reading) {
      readAgain = why;
      return;
    }
    reading = true;
    clearTimeout(timer);
    await readStatus(mine, why);
    await new Promise((resolve) => setTimeout(resolve, READ_GAP_MS));
    reading = false;
    if (readAgain !== null) {
      const again = readAgain;
      readAgain = null;
      refresh(generation, again);
    } else if (mine === generation && api.token) {
      timer = setTimeout(() => refresh(mine, 'poll'), follower.live ? STREAMING_POLL_MS : POLL_MS);
    }
  }

  async function readStatus(mine, why) {
    try {
      const status = await api.status();
      if (mine !== generation) return;
      render(status);
      nodes.connection.dataset.refresh = why;
      T.dom.say(nodes.connection, follower.broken ? 'Live (event stream lost: reading the status every 2 s)' : 'Live');
      nodes.connection.dataset.ok = 'true';
      nodes.connection.dataset.stream = follower.live ? 'open' : 'closed';
    } catch (e) {
      if (mine !== generation || e.unauthorized) return;
      T.dom.say(nodes.connection, 'Status unavailable: ' + e.message + '. Retrying…');
      nodes.connection.dataset.ok = 'false';
    }
  }

  function render(status) {
    shown = status;
    T.statusView.renderApp(status, nodes.app);
    failure.render(status);
    T.preflightView.renderPreflight(status, byId('preflight'), byId('preflight-body'));
    T.statusView.renderContainers(status, byId('containers'), (key) => logs.open(key));
    T.statusView.renderTimeline(status, byId('timeline'));
  }

  async function control(action, button) {
    const buttons = [nodes.app.start, nodes.app.stop, nodes.app.restart];
    buttons.forEach((b) => { b.disabled = true; });
    nodes.actionResult.textContent = button.textContent + ': asking the daemon…';
    try {
      const answer = await api.control(action);
      nodes.actionResult.textContent = (answer && answer.message) || button.textContent + ' requested.';
    } catch (e) {
      if (!e.unauthorized) nodes.actionResult.textContent = button.textContent + ' refused: ' + e.message;
    }
    refresh(generation, 'action');
    license.load();
  }

  nodes.tokenForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = nodes.tokenInput.value.trim();
    if (!token) {
      nodes.tokenError.textContent = 'Paste the token first.';
      return;
    }
    api.setToken(token);
    nodes.tokenInput.value = '';
    open();
  });
  nodes.forget.addEventListener('click', () => askToken('The token was forgotten in this tab.'));
  for (const button of [nodes.app.start, nodes.app.stop, nodes.app.restart]) {
    button.addEventListener('click', () => control(button.dataset.action, button));
  }

  if (T.api.takeToken(window.location, window.history, window.sessionStorage)) open();
  else askToken('');
})(window.Tugboat);
