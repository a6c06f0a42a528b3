'use strict';
// Renders a status snapshot: the app's state, its containers, the event timeline, and why it failed.
window.Tugboat = window.Tugboat || {};

(function (T) {
  const {el, fill, toDate, clock} = T.dom;

  function lower(value) {
    return String(value || 'unknown').toLowerCase();
  }

  function badge(state) {
    const text = lower(state);
    return el('span', {class: 'badge', 'data-state': text}, text);
  }

  /** The app's state and message, and which controls make sense in it. */
  function renderApp(status, nodes) {
    const state = lower(status.state);
    nodes.name.textContent = status.app || '';
    nodes.title.textContent = status.app || 'App';
    nodes.state.textContent = state;
    nodes.state.dataset.state = state;
    nodes.message.textContent = status.message || '';
    const updated = toDate(status.updatedAt);
    nodes.meta.textContent = [
      status.runId ? 'Run ' + status.runId : 'No run yet',
      updated ? 'updated ' + clock(updated) : '',
    ].filter(Boolean).join(' · ');
    const live = !status.ended && state !== 'stopped';
    nodes.start.disabled = state === 'starting' || state === 'started' || state === 'stopping';
    nodes.stop.disabled = !live || state === 'stopping';
    nodes.restart.disabled = state === 'stopping';
  }

  function startedByText(container) {
    if (!container.startedBy) return '';
    return container.startedBy === 'root' ? 'at start (root)' : '“' + container.startedBy + '”';
  }

  function detailsOf(container) {
    const parts = [container.summary || lower(container.state)];
    if (container.detail && !(container.summary || '').includes(container.detail)) {
      parts.push(container.detail);
    }
    return parts;
  }

  function containerRow(container, onLogs) {
    const logsButton = container.containerId
      ? el('button', {type: 'button', class: 'small', 'aria-label': 'Logs of ' + container.container}, 'Logs')
      : null;
    if (logsButton) logsButton.addEventListener('click', () => onLogs(container.container));
    return el('tr', {'data-container': container.container},
      el('th', {scope: 'row', 'data-label': 'Container'},
        el('span', {class: 'key'}, container.container),
        container.instanceName ? el('span', {class: 'meta block'}, container.instanceName) : null),
      el('td', {'data-label': 'State'}, badge(container.state)),
      el('td', {'data-label': 'Details'}, detailsOf(container).map((p) => el('span', {class: 'block'}, p))),
      el('td', {'data-label': 'Exit code', class: 'num'},
        container.exitCode === null || container.exitCode === undefined ? '—' : String(container.exitCode)),
      el('td', {'data-label': 'Started by'}, startedByText(container)),
      el('td', {'data-label': 'Ports'}, (container.ports || []).map((p) => el('span', {class: 'block mono'}, p))),
      el('td', {'data-label': 'Output'}, logsButton));
  }

  function renderContainers(status, node, onLogs) {
    const containers = status.containers || [];
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
      if (!c.startedBy) continue;
      if (!starts.has(c.startedBy)) starts.set(c.startedBy, []);
      starts.get(c.startedBy).push(c.container);
    }
    return starts;
  }

  function startedList(keys) {
    if (!keys || keys.length === 0) return null;
    return el('span', {class: 'block'}, 'started ', keys.map((k, i) =>
      [i > 0 ? ', ' : '', el('span', {class: 'key'}, k)]));
  }

  function eventItem(event, starts) {
    const fired = toDate(event.firedAt);
    let state;
    let line;
    if (event.fired) {
      state = 'fired';
      line = 'fired';
    } else if (event.neverReason) {
      state = 'never';
      line = 'can never fire: ' + event.neverReason;
    } else {
      state = 'pending';
      line = 'not fired yet' + (event.lastSeen ? ': ' + event.lastSeen : '');
    }
    return el('li', {class: 'event', 'data-event-state': state},
      el('time', {datetime: fired ? fired.toISOString() : null, class: 'when'}, fired ? clock(fired) : '—'),
      el('div', {class: 'what'},
        el('span', {class: 'block'}, el('strong', {}, '“' + event.name + '”'), ' ', line),
        el('span', {class: 'block meta'}, 'published by ', el('span', {class: 'key'}, event.publisher),
          event.trigger ? ' · ' + event.trigger : ''),
        event.fired ? startedList(starts.get(event.name)) : null));
  }

  /** Fired events in the order they fired, then those still pending or never to fire. */
  function renderTimeline(status, node) {
    const events = (status.events || []).slice();
    const starts = startsByEvent(status.containers || []);
    const firedAt = (e) => (toDate(e.firedAt) || new Date(8.64e15)).getTime();
    events.sort((a, b) => (b.fired - a.fired) || (firedAt(a) - firedAt(b)));
    const items = [];
    if (starts.has('root')) {
      items.push(el('li', {class: 'event', 'data-event-state': 'fired'},
        el('span', {class: 'when'}, 'start'),
        el('div', {class: 'what'}, el('span', {class: 'block'}, 'The run began'), startedList(starts.get('root')))));
    }
    items.push(...events.map((e) => eventItem(e, starts)));
    if (items.length === 0) {
      fill(node, el('p', {class: 'empty'}, 'Nothing has happened yet.'));
      return;
    }
    fill(node, el('ol', {class: 'timeline'}, items));
  }

  T.statusView = {renderApp, renderContainers, renderTimeline, badge, lower};
})(window.Tugboat);
