'use strict';
// Shows the last 200 lines of one container's output, read when asked (not on every poll).
window.Tugboat = window.Tugboat || {};

(function (T) {
  const TAIL = 200;

  class LogsView {
    constructor(api, nodes) {
      this.api = api;
      this.nodes = nodes;
      this.key = null;
      nodes.refresh.addEventListener('click', () => this.load());
      nodes.close.addEventListener('click', () => this.close());
    }

    open(key) {
      this.key = key;
      this.nodes.panel.hidden = false;
      this.nodes.title.textContent = 'Output of ' + key + ' (last ' + TAIL + ' lines)';
      this.load();
      this.nodes.panel.scrollIntoView({block: 'nearest'});
    }

    close() {
      this.key = null;
      this.nodes.panel.hidden = true;
    }

    async load() {
      const key = this.key;
      const text = this.nodes.text;
      text.textContent = 'Reading…';
      try {
        const lines = await this.api.logs(key, TAIL);
        if (key !== this.key) return;
        text.textContent = lines.length ? lines.join('\n') : '(no output)';
        text.scrollTop = text.scrollHeight;
      } catch (e) {
        if (key === this.key) text.textContent = 'The output could not be read: ' + e.message;
      }
    }
  }

  T.logsView = {LogsView};
})(window.Tugboat);
