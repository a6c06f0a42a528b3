'use strict';
// The bundle panel: upload a bundle (tugboat bundle create) to check it (dry run: verified, the
// changes shown, nothing loaded) or to upgrade the app from it (verified, its images loaded, its
// spec applied). The upload shows its progress; the daemon's verdict is shown as it answers it.
window.Tugboat = window.Tugboat || {};

(function (T) {
  const {el, fill} = T.dom;

  function sizeText(bytes) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit += 1;
    }
    return (unit === 0 ? String(value) : value.toFixed(1)) + ' ' + units[unit];
  }

  class BundleView {
    /** `nodes`: file, check, apply (buttons), progress (a <progress>), result; `done()` after an upgrade. */
    constructor(api, nodes, done) {
      this.api = api;
      this.nodes = nodes;
      this.done = done;
      this.busy = false;
      nodes.check.addEventListener('click', () => this.upload(true));
      nodes.apply.addEventListener('click', () => this.upload(false));
      nodes.file.addEventListener('change', () => this.enable());
      this.enable();
    }

    enable() {
      const chosen = this.nodes.file.files && this.nodes.file.files.length === 1;
      this.nodes.check.disabled = this.busy || !chosen;
      this.nodes.apply.disabled = this.busy || !chosen;
    }

    async upload(dryRun) {
      const file = this.nodes.file.files[0];
      if (!file) return;
      this.busy = true;
      this.enable();
      const {progress, result} = this.nodes;
      progress.hidden = false;
      progress.value = 0;
      result.dataset.verdict = 'pending';
      fill(result, el('p', {}, 'Uploading ' + file.name + ' (' + sizeText(file.size) + ')…'));
      try {
        const answer = await this.api.uploadBundle(file, dryRun, (sent, total) => {
          progress.max = total;
          progress.value = sent;
          if (sent >= total) {
            fill(result, el('p', {}, 'Uploaded; the daemon verifies every part'
              + (dryRun ? '…' : ', then loads the images and upgrades the app…')));
          }
        });
        this.show(answer);
        if (!dryRun) this.done();
      } catch (e) {
        result.dataset.verdict = 'refused';
        fill(result, el('p', {class: 'error-text', role: 'alert'}, 'Refused: ' + e.message));
      } finally {
        progress.hidden = true;
        this.busy = false;
        this.enable();
      }
    }

    show(answer) {
      const apply = answer.apply;
      const lines = [el('p', {class: 'bundle-verdict'}, answer.message + ' (' + answer.app + ' '
        + answer.version + ', made by Tugboat ' + answer.tugboat_version + ')')];
      if (apply) {
        const from = apply.from ? apply.from.name + ' ' + apply.from.version + ' → ' : '';
        lines.push(el('p', {}, from + apply.to.name + ' ' + apply.to.version));
        lines.push(el('pre', {class: 'log'}, (apply.summary || []).join('\n')));
        (apply.warnings || []).forEach((w) => lines.push(el('p', {class: 'meta'}, w)));
        lines.push(el('p', {}, apply.message));
      }
      this.nodes.result.dataset.verdict = 'ok';
      fill(this.nodes.result, ...lines);
    }
  }

  T.bundleView = {BundleView, sizeText};
})(window.Tugboat);
