'use strict';
// The snapshots panel: the snapshots of the app's data (GET /api/v1/snapshots), newest first,
// each with its time, app version, size and why it was taken; a button takes one (POST
// /api/v1/snapshots?stop=true: a running app is stopped, copied and started again, or paused for
// the copy when its spec asks) and each row's
// button restores it (POST /api/v1/snapshots/{id}/restore), after the operator confirms.
window.Tugboat = window.Tugboat || {};

(function (T) {
  const {el, fill} = T.dom;

  function size(bytes) {
    if (bytes < 1024) return bytes + ' B';
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes;
    let unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit += 1;
    }
    return value.toFixed(1) + ' ' + units[unit];
  }

  class SnapshotsView {
    /** `changed()` is called after a creation or restore: the status changed. */
    constructor(api, body, changed) {
      this.api = api;
      this.body = body;
      this.changed = changed;
      this.busy = false;
      this.result = el('p', {class: 'action-result', role: 'status', 'aria-live': 'polite'});
    }

    async load() {
      try {
        this.render((await this.api.request('GET', '/snapshots')).snapshots || []);
      } catch (e) {
        if (e.unauthorized) return;
        fill(this.body, el('p', {class: 'error-text'}, 'Snapshots unavailable: ' + e.message), this.result);
      }
    }

    render(snapshots) {
      const take = el('button', {type: 'button', id: 'snapshot-create'}, 'Take a snapshot');
      take.disabled = this.busy;
      take.addEventListener('click', () => this.run('Snapshot',
        () => this.api.request('POST', '/snapshots?stop=true')));
      const rows = snapshots.map((s) => {
        const restore = el('button', {type: 'button', class: 'small', 'data-snapshot': s.id}, 'Restore');
        restore.disabled = this.busy;
        restore.addEventListener('click', () => {
          if (!window.confirm('Restore snapshot ' + s.id + '? The app is stopped, its data is replaced with '
            + s.app + ' ' + s.version + '\'s as of ' + s.created + ', and it starts again with that version.')) return;
          this.run('Restore', () => this.api.request('POST', '/snapshots/' + encodeURIComponent(s.id) + '/restore'));
        });
        return el('tr', {'data-snapshot-row': s.id},
          el('td', {}, el('code', {}, s.id)),
          el('td', {}, T.dom.toDate(s.created) ? T.dom.toDate(s.created).toLocaleString() : s.created),
          el('td', {}, s.app + ' ' + s.version),
          el('td', {}, size(s.bytes) + ' in ' + s.seconds.toFixed(1) + ' s'),
          el('td', {}, s.volumes.map((v) => v.name).join(', ')),
          el('td', {}, s.reason),
          el('td', {}, restore));
      });
      fill(this.body,
        el('p', {class: 'meta'}, 'tugboat apply takes a snapshot of the app\'s data before the new version runs;'
          + ' taking one by hand stops a running app, copies its data and starts it again (or pauses it'
          + ' for the copy, when its spec asks).'),
        snapshots.length === 0 ? el('p', {class: 'meta', 'data-snapshots': 'none'}, 'No snapshots yet.')
          : el('table', {class: 'snapshots'},
            el('thead', {}, el('tr', {}, ['Id', 'Taken', 'App', 'Size', 'Volumes', 'Why', ''].map((h) => el('th', {}, h)))),
            el('tbody', {}, rows)),
        el('div', {class: 'controls'}, take),
        this.result);
    }

    async run(what, call) {
      this.busy = true;
      this.body.querySelectorAll('button').forEach((b) => { b.disabled = true; });
      this.result.textContent = what + ': copying the data, this takes as long as its size needs…';
      try {
        const answer = await call();
        this.result.textContent = (answer && answer.message) || what + ' done.';
      } catch (e) {
        if (!e.unauthorized) this.result.textContent = what + ' refused: ' + e.message;
      }
      this.busy = false;
      this.changed();
      await this.load();
    }
  }

  T.snapshotsView = {SnapshotsView};
})(window.Tugboat);
