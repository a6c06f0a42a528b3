'use strict';
// The config form: items by group, those the daemon says are not shown (their `when` is false)
// left out, sending only the values the operator changed, and showing a refusal beside its item.
window.Tugboat = window.Tugboat || {};

(function (T) {
  const {el, fill} = T.dom;
  // The daemon names the item it refuses as the config package does: config item 'name' (Title).
  const NAMED_ITEM = /config item '([^']+)'/;

  class ConfigView {
    constructor(api, root) {
      this.api = api;
      this.root = root;
      this.fields = [];
    }

    async load() {
      try {
        this.render(T.configModel.groupsOf(await this.api.config()));
      } catch (e) {
        if (e.unauthorized) return;
        fill(this.root, el('p', {class: 'error-text', role: 'alert'}, 'The configuration could not be read: ' + e.message));
      }
    }

    render(groups) {
      this.fields = [];
      if (groups.length === 0) {
        fill(this.root, el('p', {class: 'empty'}, 'This app has no configuration.'));
        return;
      }
      this.summary = el('div', {class: 'form-errors', role: 'alert', hidden: true});
      this.result = el('p', {class: 'action-result', role: 'status', 'aria-live': 'polite'});
      const save = el('button', {type: 'submit', class: 'primary'}, 'Save changes');
      const form = el('form', {class: 'config-form', novalidate: true},
        this.summary, groups.map((g) => this.group(g)).filter(Boolean),
        el('div', {class: 'form-actions'}, save, this.result));
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        this.save(save);
      });
      fill(this.root, form);
    }

    /** A fieldset of the group's shown items; none when it has none. */
    group(group) {
      const items = group.items.filter((i) => i.shown && !i.hidden).map((item) => {
        const field = T.configFields.fieldFor(item);
        const error = field.errorId ? el('p', {class: 'error-text', id: field.errorId}) : null;
        this.fields.push({item, field, error});
        return el('div', {class: 'field', 'data-item': item.name}, field.node, error);
      });
      if (items.length === 0) return null;
      return el('fieldset', {class: 'group', 'data-group': group.name}, el('legend', {}, group.name), items);
    }

    changes() {
      return Object.assign({}, ...this.fields.map((f) => f.field.values()));
    }

    async save(button) {
      const changes = this.changes();
      const count = Object.keys(changes).length;
      this.showRefusal(null);
      if (count === 0) {
        this.result.textContent = 'Nothing changed.';
        return;
      }
      button.disabled = true;
      this.result.textContent = 'Saving…';
      try {
        const answer = await this.api.saveConfig(changes);
        this.render(T.configModel.groupsOf(answer));
        this.result.textContent = 'Saved ' + count + (count === 1 ? ' value' : ' values')
          + '. Restart the app to apply them.';
      } catch (e) {
        button.disabled = false;
        this.result.textContent = 'Not saved.';
        if (!e.unauthorized) this.showRefusal(e.message);
      }
    }

    /** Shows why the daemon refused the values, also beside the item it names; null clears. */
    showRefusal(message) {
      for (const {error} of this.fields) if (error) error.textContent = '';
      this.summary.hidden = message === null;
      fill(this.summary, message === null ? null : ['The configuration was not saved: ', message]);
      if (message === null) return;
      const named = NAMED_ITEM.exec(message);
      const target = named && this.fields.find((f) => f.item.name === named[1]
        || f.item.options.some((o) => o.name === named[1]));
      if (target && target.error) target.error.textContent = message;
      this.summary.scrollIntoView({block: 'nearest'});
    }
  }

  T.configView = {ConfigView};
})(window.Tugboat);
