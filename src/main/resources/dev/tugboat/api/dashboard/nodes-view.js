'use strict';
// The nodes panel: the swarm's nodes (GET /api/v1/nodes) with their role, state, address, tags and
// the apps' tasks on each; a tag is added with the row's field and removed with its ×
// (POST /api/v1/nodes/{node}/tags). On an engine in no swarm: this host, and why no swarm is
// needed. Read when the dashboard opens, after each change, and every few seconds, so a node that
// goes down, and the tasks Swarm moves off it, show without a reload; not while a tag is typed.
window.Tugboat = window.Tugboat || {};

(function (T) {
  const {el, fill} = T.dom;
  const POLL_MS = 5000;

  class NodesView {
    constructor(api, panel, body) {
      this.api = api;
      this.panel = panel;
      this.body = body;
      this.busy = false;
      this.result = el('p', {class: 'action-result', id: 'nodes-result', role: 'status', 'aria-live': 'polite'});
    }

    async load() {
      try {
        this.render(await this.api.request('GET', '/nodes'));
      } catch (e) {
        if (e.unauthorized) return;
        this.panel.hidden = false;
        fill(this.body, el('p', {class: 'error-text'}, 'Nodes unavailable: ' + e.message), this.result);
      }
    }

    /** Reads the nodes again every few seconds from now on (once, whatever the sign-ins). */
    watch() {
      if (this.timer) return;
      this.timer = setInterval(() => { if (!this.editing()) this.load(); }, POLL_MS);
    }

    /** A tag being changed or typed: a new table would take the field from under the operator. */
    editing() {
      return this.busy || [...this.body.querySelectorAll('.tag-input')]
        .some((input) => input.value !== '' || input === document.activeElement);
    }

    render(answer) {
      this.panel.hidden = false;
      const swarm = answer.swarm === 'manager';
      const rows = (answer.nodes || []).map((node) => this.row(node, swarm));
      const unplaced = answer.unplaced_tasks || [];
      fill(this.body,
        answer.message ? el('p', {class: 'meta', 'data-swarm': answer.swarm}, answer.message) : null,
        el('table', {class: 'nodes'},
          el('thead', {}, el('tr', {}, ['Node', 'Role', 'State', 'Address', 'Tags', 'Tasks', 'Containers'].map((h) => el('th', {}, h)))),
          el('tbody', {}, rows)),
        unplaced.length === 0 ? null
          : el('p', {class: 'meta', 'data-unplaced': 'true'}, 'Not on a node yet: ' + tasks(unplaced)),
        this.result);
    }

    row(node, swarm) {
      const name = node.hostname || node.id;
      const tags = node.tags.map((tag) => {
        const remove = el('button', {type: 'button', class: 'small tag-remove', 'aria-label': 'Remove tag ' + tag + ' from ' + name}, '×');
        remove.disabled = this.busy;
        remove.addEventListener('click', () => this.change(node, name, {remove: [tag]}, 'removed ' + tag + ' from'));
        return el('span', {class: 'tag', 'data-tag': tag}, tag, swarm ? remove : null);
      });
      let add = null;
      if (swarm) {
        const input = el('input', {type: 'text', class: 'tag-input', 'aria-label': 'New tag for ' + name, placeholder: 'tag'});
        const button = el('button', {type: 'submit', class: 'small'}, 'Add tag');
        button.disabled = this.busy;
        add = el('form', {class: 'tag-add'}, input, button);
        add.addEventListener('submit', (event) => {
          event.preventDefault();
          const tag = input.value.trim();
          if (tag) this.change(node, name, {add: [tag]}, 'added ' + tag + ' to');
        });
      }
      const state = node.state + (node.availability && node.availability !== 'active' ? ', ' + node.availability : '');
      // data-label: on a narrow screen each row is a card and each cell says what it is.
      return el('tr', {'data-node': name},
        el('th', {scope: 'row'}, name),
        el('td', {'data-label': 'Role'}, node.role + (node.leader ? ' (leader)' : '')),
        el('td', {'data-label': 'State'}, state),
        el('td', {'data-label': 'Address'}, node.address || '—'),
        el('td', {class: 'tags', 'data-label': 'Tags'}, el('span', {}, tags, add)),
        el('td', {'data-label': 'Tasks'}, node.tasks.length === 0 ? '—' : tasks(node.tasks)),
        el('td', {'data-label': 'Containers'}, containers(node.containers || [])));
    }

    async change(node, name, body, done) {
      this.busy = true;
      this.body.querySelectorAll('button').forEach((b) => { b.disabled = true; });
      this.result.textContent = 'Changing the tags of ' + name + '…';
      try {
        await this.api.request('POST', '/nodes/' + encodeURIComponent(node.id || name) + '/tags', body);
        this.result.textContent = 'Tag ' + done + ' ' + name + '.';
      } catch (e) {
        if (!e.unauthorized) this.result.textContent = 'Tag change refused: ' + e.message;
      }
      this.busy = false;
      await this.load();
    }
  }

  /** The app's containers on the node, counted by state ("3 running, 1 completed"). */
  function containers(list) {
    if (list.length === 0) return '—';
    const byState = new Map();
    list.forEach((c) => byState.set(c.state, (byState.get(c.state) || 0) + 1));
    return [...byState].map(([state, count]) => count + ' ' + state).join(', ');
  }

  function tasks(list) {
    return list.map((t) => t.service + ' ' + t.state).join(', ');
  }

  T.nodesView = {NodesView};
})(window.Tugboat);
