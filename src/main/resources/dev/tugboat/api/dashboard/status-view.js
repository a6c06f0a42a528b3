'use strict';
// Renders the daemon's status (GET /api/v1/status): the app's state, its containers, and the
// timeline of the run's events.
window.Tugboat = window.Tugboat || {};

(function (T) {
  const {el, fill, say, toDate, clock, offset} = T.dom;

  function lower(value) {
    return String(value || 'unknown').toLowerCase();
  }

  function badge(state, lastSeen) {
    const text = lower(state);
    return el('span', {class: 'badge', 'data-state': text,
      title: lastSeen ? 'as last seen: Docker does not answer now' : ''},
      lastSeen ? text + ' (last seen)' : text);
  }

  /** The status's `docker` field in words; empty while the engine answers. */
  function dockerText(docker) {
    if (docker === 'reachable') return '';
    const silent = /^not answering since (\S+): ([\s\S]*)$/.exec(docker);
    if (silent) {
      const since = toDate(silent[1]);
      return 'The Docker Engine has not answered since ' + (since ? clock(since) : silent[1])
        + ' (' + silent[2] + '): container states are as last seen; Tugboat carries on once it'
        + ' answers again.';
    }
    return 'Docker does not answer (' + docker.replace(/^unreachable: /, '')
      + '): container states are the last known; Tugboat reconnects and checks them again.';
  }

  /** Every container of the run, component by component. */
  function containersOf(status) {
    return (status.components || []).flatMap((component) => component.containers || []);
  }

  /** The app's state and message, and which controls make sense in it. */
  function renderApp(status, nodes) {
    const state = lower(status.state);
    const name = (status.app && status.app.name) || 'App';
    say(nodes.name, name);
    say(nodes.title, name);
    say(nodes.state, state);
    nodes.state.dataset.state = state;
    say(nodes.message, status.message || '');
    say(nodes.startup, status.startup_message || '');
    // While Docker does not answer, the states below are the last known ones: say it plainly.
    // A run that cannot write its journal (a full disk) acts on nothing until it can: say why.
    const paused = String(status.paused || '');
    say(nodes.docker, [dockerText(String(status.docker || 'reachable')),
      paused ? 'Paused: ' + paused + '.' : ''].filter(Boolean).join(' '));
    renderReady(status.ready, nodes.ready);
    const started = toDate(status.started_at);
    say(nodes.meta, [
      status.run_id ? 'Run ' + status.run_id : 'No run yet',
      started ? 'started ' + clock(started) : '',
      status.app && status.app.version ? 'version ' + status.app.version : '',
    ].filter(Boolean).join(' · '));
    // A failed app may still have containers running (the database): stop stays possible.
    nodes.start.disabled = state === 'starting' || state === 'started' || state === 'stopping';
    nodes.stop.disabled = state === 'stopped' || state === 'stopping';
    nodes.restart.disabled = state === 'stopping';
  }

  /** The spec's ready check: when it will run, what its last poll saw, or that it passed. */
  function readyText(ready) {
    if (!ready || !ready.state || ready.state === 'none') return '';
    const check = 'Ready check ' + ready.description;
    switch (ready.state) {
      case 'not_due': return check + ': runs once every container has started';
      case 'checking': return check + ': checking' + (ready.last_seen ? ', last seen: ' + ready.last_seen : '');
      case 'passed': return check + ': passed' + (ready.last_seen ? ' (' + ready.last_seen + ')' : '');
      default: return check + ': ' + ready.state;
    }
  }

  function renderReady(ready, node) {
    say(node, readyText(ready));
    node.dataset.ready = (ready && ready.state) || 'none';
  }

  function startedByText(container) {
    if (!container.started_by) return '';
    return container.started_by === 'root' ? 'at start (root)' : '“' + container.started_by + '”';
  }

  function detailsOf(container) {
    const parts = [container.summary || lower(container.state)];
    if (container.detail && !(container.summary || '').includes(container.detail)) {
      parts.push(container.detail);
    }
    // A task of a Swarm service: the node it runs on (the nodes panel says which node that is).
    if (container.node) parts.push('on node ' + container.node);
    return parts;
  }

  function containerRow(container, onLogs) {
    const logsButton = container.container_id
      ? el('button', {type: 'button', class: 'small', 'aria-label': 'Logs of ' + container.key}, 'Logs')
      : null;
    if (logsButton) logsButton.addEventListener('click', () => onLogs(container.key));
    return el('tr', {'data-container': container.key},
      el('th', {scope: 'row', 'data-label': 'Container'},
        el('span', {class: 'key'}, container.key),
        container.instance ? el('span', {class: 'meta block'}, container.instance) : null),
      el('td', {'data-label': 'State'}, badge(container.state, container.state_last_seen)),
      el('td', {'data-label': 'Details'}, detailsOf(container).map((p) => el('span', {class: 'block'}, p))),
      el('td', {'data-label': 'Exit code', class: 'num'},
        container.exit_code === null || container.exit_code === undefined ? '—' : String(container.exit_code)),
      el('td', {'data-label': 'Started by'}, startedByText(container)),
      el('td', {'data-label': 'Ports'}, (container.ports || []).map((p) => el('span', {class: 'block mono'}, p))),
      el('td', {'data-label': 'Output'}, logsButton));
  }

  function renderContainers(status, node, onLogs) {
    const containers = containersOf(status);
    if (containers.length === 0) {
      fill(node, el('p', {class: 'empty'}, 'No containers yet: the app has not been started.'));
      return;
    }
    const head = ['Container', 'State', 'Details', 'Exit code', 'Started by', 'Ports', 'Output']
      .map((h) => el('th', {scope: 'col'}, h));
    fill(node, el('table', {class: 'containers'},
      el('caption', {class: 'visually-hidden'}, 'Containers of the run'),
      el('thead', {}, el('tr', {}, head)),
      el('tbody', {}, containers.map((c) => containerRow(c, onLogs)))));
  }

  /** The containers each event started, by event name; "root" for those started with the run. */
  function startsByEvent(containers) {
    const starts = new Map();
    for (const c of containers) {
      if (!c.started_by) continue;
      if (!starts.has(c.started_by)) starts.set(c.started_by, []);
      starts.get(c.started_by).push(c.key);
    }
    return starts;
  }

  function startedList(keys) {
    if (!keys || keys.length === 0) return null;
    return el('span', {class: 'block'}, 'started ', keys.map((k, i) =>
      [i > 0 ? ', ' : '', el('span', {class: 'key'}, k)]));
  }

  function when(date, start) {
    return el('time', {datetime: date ? date.toISOString() : null, class: 'when'},
      date ? clock(date) : '—', date && start ? el('span', {class: 'block meta'}, offset(date, start)) : null);
  }

  function eventItem(event, starts, start) {
    const fired = toDate(event.fired_at);
    let state;
    let line;
    if (event.fired) {
      state = 'fired';
      line = 'fired';
    } else if (event.never_reason) {
      state = 'never';
      line = 'can never fire: ' + event.never_reason;
    } else {
      state = 'pending';
      line = 'not fired yet' + (event.last_seen ? ': ' + event.last_seen : '');
    }
    return el('li', {class: 'event', 'data-event-state': state},
      when(fired, start),
      el('div', {class: 'what'},
        el('span', {class: 'block'}, el('strong', {}, '“' + event.name + '”'), ' ', line),
        el('span', {class: 'block meta'}, 'published by ', el('span', {class: 'key'}, event.publisher),
          event.trigger ? ' · ' + event.trigger : ''),
        event.fired ? startedList(starts.get(event.name)) : null));
  }

  /** Fired events in the order they fired, then those still pending or never to fire. */
  function renderTimeline(status, node) {
    const events = (status.events || []).slice();
    const starts = startsByEvent(containersOf(status));
    const start = toDate(status.started_at);
    const firedAt = (e) => (toDate(e.fired_at) || new Date(8.64e15)).getTime();
    events.sort((a, b) => (b.fired - a.fired) || (firedAt(a) - firedAt(b)));
    const items = [];
    if (starts.has('root')) {
      items.push(el('li', {class: 'event', 'data-event-state': 'fired'}, when(start, null),
        el('div', {class: 'what'}, el('span', {class: 'block'}, 'The run began'), startedList(starts.get('root')))));
    }
    items.push(...events.map((e) => eventItem(e, starts, start)));
    if (items.length === 0) {
      fill(node, el('p', {class: 'empty'}, 'Nothing has happened yet.'));
      return;
    }
    fill(node, el('ol', {class: 'timeline'}, items));
  }

  T.statusView = {renderApp, renderContainers, renderTimeline, containersOf};
})(window.Tugboat);
