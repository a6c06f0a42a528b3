'use strict';
// Wires the page: asks for the token once, polls the status every 2 s, runs the controls.
(function (T) {
  const POLL_MS = 2000;
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
  const failure = new T.failureView.FailureView(api, byId('failure'), byId('failure-title'), byId('failure-body'));
  const logs = new T.logsView.LogsView(api, {
    panel: byId('logs'), title: byId('logs-title'), text: byId('logs-text'),
    refresh: byId('logs-refresh'), close: byId('logs-close'),
  });
  const config = new T.configView.ConfigView(api, byId('config'));

  // Each sign-in starts a new polling loop; an older loop sees the change and ends.
  let generation = 0;
  let timer = null;

  function askToken(message) {
    generation += 1;
    clearTimeout(timer);
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
    nodes.login.hidden = true;
    nodes.dashboard.hidden = false;
    nodes.forget.hidden = false;
    poll(generation);
    config.load();
  }

  async function poll(mine) {
    clearTimeout(timer);
    try {
      const status = await api.status();
      if (mine !== generation) return;
      render(status);
      T.dom.say(nodes.connection, 'Live');
      nodes.connection.dataset.ok = 'true';
    } catch (e) {
      if (mine !== generation || e.unauthorized) return;
      T.dom.say(nodes.connection, 'Status unavailable: ' + e.message + '. Retrying…');
      nodes.connection.dataset.ok = 'false';
    }
    timer = setTimeout(() => poll(mine), POLL_MS);
  }

  function render(status) {
    T.statusView.renderApp(status, nodes.app);
    failure.render(status);
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
    poll(generation);
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
