'use strict';
// The config form: items by group, shown as their `when`s say, sending only the values the operator
// changed, and showing the daemon's validation errors beside the items they name.
window.Tugboat = window.Tugboat || {};

(function (T) {
  const {el, fill} = T.dom;

  /** [{item, message}] from a refusal: {problems|errors: [...]} or one {message}. */
  function problemsOf(error) {
    const body = error.body || {};
    const list = body.problems || body.errors;
    if (Array.isArray(list) && list.length) {
      return list.map((p) => (typeof p === 'string' ? {item: null, message: p}
        : {item: p.item || p.name || null, message: p.message || String(p)}));
    }
    return [{item: body.item || null, message: error.message}];
  }

  class ConfigView {
    constructor(api, root) {
      this.api = api;
      this.root = root;
      this.fields = [];
      this.groups = [];
    }

    async load() {
      try {
        this.render(T.configModel.normalize(await this.api.config()));
      } catch (e) {
        if (e.unauthorized) return;
        fill(this.root, el('p', {class: 'error-text', role: 'alert'}, 'The configuration could not be read: ' + e.message));
      }
    }

    render(groups) {
      this.fields = [];
      this.groups = [];
      if (groups.length === 0) {
        fill(this.root, el('p', {class: 'empty'}, 'This app has no configuration.'));
        return;
      }
      this.summary = el('div', {class: 'form-errors', role: 'alert', hidden: true});
      this.result = el('p', {class: 'action-result', role: 'status', 'aria-live': 'polite'});
      const save = el('button', {type: 'submit', class: 'primary'}, 'Save changes');
      const form = el('form', {class: 'config-form', novalidate: true},
        this.summary, groups.map((g) => this.group(g)), el('div', {class: 'form-actions'}, save, this.result));
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        this.save(save);
      });
      form.addEventListener('change', () => this.applyWhens());
      form.addEventListener('input', () => this.applyWhens());
      fill(this.root, form);
      this.applyWhens();
    }

    group(group) {
      const items = group.items.filter((i) => !i.hidden).map((item) => {
        const field = T.configFields.fieldFor(item);
        const error = field.errorId ? el('p', {class: 'error-text', id: field.errorId}) : null;
        const node = el('div', {class: 'field', 'data-item': item.name}, field.node, error);
        this.fields.push({item, field, node, error});
        return node;
      });
      const node = el('fieldset', {class: 'group', 'data-group': group.name},
        el('legend', {}, group.title),
        group.description ? el('p', {class: 'help'}, group.description) : null, items);
      this.groups.push({group, node});
      return node;
    }

    /** Every item's value as the form has it now, options included. */
    current() {
      return Object.assign({}, ...this.fields.map((f) => f.field.current()));
    }

    applyWhens() {
      const values = this.current();
      const valueOf = (name) => values[name];
      for (const {item, node} of this.fields) node.hidden = !T.configModel.shown(item, valueOf);
      for (const {group, node} of this.groups) node.hidden = !T.configModel.shown(group, valueOf);
    }

    changes() {
      return Object.assign({}, ...this.fields.map((f) => f.field.values()));
    }

    async save(button) {
      const changes = this.changes();
      this.showProblems([]);
      if (Object.keys(changes).length === 0) {
        this.result.textContent = 'Nothing changed.';
        return;
      }
      button.disabled = true;
      this.result.textContent = 'Saving…';
      try {
        await this.api.saveConfig(changes);
        await this.load();
        this.result.textContent = 'Saved ' + Object.keys(changes).length + ' value(s). Restart the app to apply them.';
      } catch (e) {
        this.result.textContent = 'Not saved.';
        if (e.unauthorized) return;
        this.showProblems(problemsOf(e));
      } finally {
        button.disabled = false;
      }
    }

    showProblems(problems) {
      for (const {error} of this.fields) if (error) error.textContent = '';
      this.summary.hidden = problems.length === 0;
      fill(this.summary, problems.length ? el('p', {}, 'The configuration was not saved:') : null,
        el('ul', {}, problems.map((p) => el('li', {}, p.item ? p.item + ': ' + p.message : p.message))));
      for (const problem of problems) {
        const target = this.fields.find((f) => f.item.name === problem.item
          || f.item.options.some((o) => o.name === problem.item));
        if (target && target.error) target.error.textContent = problem.message;
      }
      if (problems.length) this.summary.scrollIntoView({block: 'nearest'});
    }
  }

  T.configView = {ConfigView, problemsOf};
})(window.Tugboat);
