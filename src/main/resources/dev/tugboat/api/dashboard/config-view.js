'use strict';
// The config form: items by group under the group's title, those whose `when` is false hidden (and
// shown again as soon as an edit makes it true), sending only the values the operator changed in
// shown items, and showing a refusal beside its item.
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
      this.groupNodes = [];
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
      this.groupNodes = [];
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
      form.addEventListener('input', () => this.decideShown());
      form.addEventListener('change', () => this.decideShown());
      fill(this.root, form);
      this.decideShown();
    }

    /** A fieldset of the group's items (not those the spec hides); none when it has none. */
    group(group) {
      const fields = group.items.filter((i) => !i.hidden).map((item) => {
        const field = T.configFields.fieldFor(item);
        const error = field.errorId ? el('p', {class: 'error-text', id: field.errorId}) : null;
        const node = el('div', {class: 'field', 'data-item': item.name}, field.node, error,
          item.test ? this.testButton(item) : null);
        return {item, field, error, node, group};
      });
      if (fields.length === 0) return null;
      this.fields.push(...fields);
      const node = el('fieldset', {class: 'group', 'data-group': group.name},
        el('legend', {}, group.title),
        group.description ? el('p', {class: 'meta group-description'}, group.description) : null,
        fields.map((f) => f.node));
      this.groupNodes.push({node, fields});
      return node;
    }

    /**
     * The item's test (its test_proc): the daemon runs the vendor's check with the values now in
     * the form, saved or not, and the verdict shows beside it.
     */
    testButton(item) {
      const result = el('p', {class: 'test-result', role: 'status', 'aria-live': 'polite'});
      const button = el('button', {type: 'button', class: 'secondary test-button'}, item.test);
      button.addEventListener('click', async () => {
        button.disabled = true;
        result.className = 'test-result';
        result.textContent = 'Testing…';
        try {
          const answer = await this.api.testConfig(item.name, this.changes());
          result.className = 'test-result verdict-' + answer.verdict;
          result.textContent = answer.verdict.toUpperCase()
            + (answer.message ? ': ' + answer.message : '');
        } catch (e) {
          result.textContent = e.unauthorized ? '' : 'Not tested: ' + e.message;
        } finally {
          button.disabled = false;
        }
      });
      return el('div', {class: 'field-test'}, button, result);
    }

    /** Hides each item whose `when` is false with the values now in the form, and empty groups. */
    decideShown() {
      const values = Object.assign({}, ...this.fields.map((f) => f.field.current()));
      const valueOf = (name) => values[name];
      for (const f of this.fields) f.node.hidden = !T.configModel.isShown(f.group, f.item, valueOf);
      for (const g of this.groupNodes) g.node.hidden = g.fields.every((f) => f.node.hidden);
    }

    /** What the operator changed in the items now shown. */
    changes() {
      return Object.assign({}, ...this.fields.filter((f) => !f.node.hidden).map((f) => f.field.values()));
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
