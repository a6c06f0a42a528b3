'use strict';
// Says why the app failed, in words, with the last lines the failing containers printed.
window.Tugboat = window.Tugboat || {};

(function (T) {
  const {el, fill} = T.dom;
  const TAIL = 20;

  class FailureView {
    /** `logsRead()` is called when fetched lines arrive, for the page to render them. */
    constructor(api, section, title, body, logsRead) {
      this.api = api;
      this.logsRead = logsRead;
      this.section = section;
      this.title = title;
      this.body = body;
      // Logs fetched for containers whose status carries no output, by instance id.
      this.fetched = new Map();
    }

    render(status) {
      const state = String(status.state || '').toLowerCase();
      const containers = T.statusView.containersOf(status);
      const failed = containers.filter((c) => c.state === 'failed');
      const blocked = containers.filter((c) => c.state === 'blocked');
      if (state !== 'failed' && failed.length === 0 && blocked.length === 0) {
        this.section.hidden = true;
        return;
      }
      this.section.hidden = false;
      // A failed ephemeral container does not always fail the app: then it is a warning, not a cause.
      this.title.textContent = state === 'failed' ? 'Why it failed'
        : failed.length > 0 ? 'A container failed' : 'A container can never start';
      fill(this.body,
        state === 'failed' && status.message ? el('p', {class: 'cause'}, status.message) : null,
        failed.map((c) => this.failedContainer(c)),
        blocked.map((c) => el('p', {class: 'cause-detail'},
          el('span', {class: 'key'}, c.key), ' can never start: ', c.detail || c.summary)));
    }

    failedContainer(container) {
      const code = container.exit_code;
      // The daemon's detail for an exit is "exit N": said already.
      const detail = container.detail && container.detail !== 'exit ' + code ? container.detail : '';
      const exit = code === null || code === undefined
        ? 'it could not start' + (detail ? ': ' + detail : '')
        : 'it exited with code ' + code + (detail ? ' (' + detail + ')' : '');
      const output = container.last_output || [];
      const lines = output.length > 0 ? output : this.logsFor(container);
      return el('div', {class: 'failed-container', 'data-container': container.key},
        el('p', {}, el('span', {class: 'key'}, container.key), ' failed: ', exit, '.'),
        lines === null
          ? el('p', {class: 'meta'}, 'Reading its last output…')
          : lines.length === 0
            ? el('p', {class: 'meta'}, 'It printed nothing.')
            : [el('p', {class: 'meta'}, 'Last lines of its output:'),
               el('pre', {class: 'log', tabindex: '0'}, lines.join('\n'))]);
    }

    /** The fetched lines, or null while they are being read (shown when they arrive). */
    logsFor(container) {
      const id = container.container_id || container.key;
      if (this.fetched.has(id)) return this.fetched.get(id);
      this.fetched.set(id, null);
      this.api.logs(container.key, TAIL)
        .then((lines) => this.fetched.set(id, lines.slice(-TAIL)))
        .catch((e) => this.fetched.set(id, ['(its output could not be read: ' + e.message + ')']))
        .then(() => this.logsRead());
      return null;
    }
  }

  T.failureView = {FailureView};
})(window.Tugboat);
