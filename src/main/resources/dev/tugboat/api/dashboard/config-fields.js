'use strict';
// One form control per config item type. Each field knows its item's value as loaded and as edited,
// so the form sends only what changed, and says what its items' values are now (current), which
// the form's `when`s read. A secret is never put into an input: the daemon sends it
// masked, and an empty secret input means "keep it".
window.Tugboat = window.Tugboat || {};

(function (T) {
  const {el} = T.dom;
  let ids = 0;

  function nextId() {
    ids += 1;
    return 'cfg-' + ids;
  }

  function isOn(value) {
    return value === '1' || value === 'true';
  }

  function labelText(item) {
    return [item.title || item.name, item.required ? ' (required)' : ''];
  }

  /** A text, password or textarea item. */
  function textField(item) {
    const id = nextId();
    const secret = item.secret;
    const attrs = {
      id, name: item.name, 'aria-describedby': id + '-error',
      disabled: item.readonly, spellcheck: 'false', autocomplete: secret ? 'new-password' : 'off',
      placeholder: secret ? (item.isSet ? 'Set; type a new value to replace it' : 'Not set') : null,
    };
    const input = item.type === 'textarea'
      ? el('textarea', {...attrs, rows: 4})
      : el('input', {...attrs, type: secret ? 'password' : 'text'});
    input.value = secret ? '' : item.value;
    return {
      node: [el('label', {for: id}, labelText(item)), input],
      values: () => (secret ? (input.value === '' ? {} : {[item.name]: input.value})
        : (input.value === item.value ? {} : {[item.name]: input.value})),
      current: () => ({[item.name]: secret && input.value === '' ? item.value : input.value}),
      errorId: id + '-error',
    };
  }

  function boolField(item) {
    const id = nextId();
    const input = el('input', {id, type: 'checkbox', name: item.name, disabled: item.readonly,
      'aria-describedby': id + '-error'});
    input.checked = isOn(item.value);
    const value = () => (input.checked ? '1' : '0');
    return {
      node: el('div', {class: 'check'}, input, el('label', {for: id}, labelText(item))),
      values: () => (input.checked === isOn(item.value) ? {} : {[item.name]: value()}),
      current: () => ({[item.name]: value()}),
      errorId: id + '-error',
    };
  }

  /** select_one: radios whose value is the chosen option's name; select_many: one switch per option. */
  function choiceField(item) {
    const id = nextId();
    const many = item.type === 'select_many';
    const inputs = item.options.map((option) => {
      const inputId = nextId();
      const input = el('input', {id: inputId, type: many ? 'checkbox' : 'radio', name: many ? option.name : item.name,
        value: option.name, disabled: item.readonly || option.readonly});
      input.checked = many ? isOn(option.value) : item.value === option.name;
      return {option, input, node: el('div', {class: 'check'}, input, el('label', {for: inputId}, option.title || option.name))};
    });
    const chosen = () => (inputs.find((i) => i.input.checked) || {option: {name: ''}}).option.name;
    const values = () => {
      if (!many) return chosen() === item.value ? {} : {[item.name]: chosen()};
      const changed = {};
      for (const {option, input} of inputs) {
        if (input.checked !== isOn(option.value)) changed[option.name] = input.checked ? '1' : '0';
      }
      return changed;
    };
    const current = () => {
      if (!many) return {[item.name]: chosen()};
      return Object.assign({[item.name]: item.value},
        ...inputs.map(({option, input}) => ({[option.name]: input.checked ? '1' : '0'})));
    };
    return {
      node: el('fieldset', {class: 'choices', 'aria-describedby': id + '-error'},
        el('legend', {}, labelText(item)), inputs.map((i) => i.node)),
      values,
      current,
      errorId: id + '-error',
    };
  }

  /** A file item: the daemon stores the file's contents; the form reads the chosen file as text. */
  function fileField(item) {
    const id = nextId();
    const input = el('input', {id, type: 'file', name: item.name, disabled: item.readonly,
      'aria-describedby': id + '-now ' + id + '-error'});
    const now = item.isSet ? 'Now: ' + item.value : 'No file is set.';
    const state = el('p', {class: 'meta', id: id + '-now'}, now);
    let contents = null;
    input.addEventListener('change', () => {
      contents = null;
      state.textContent = now;
      const file = input.files[0];
      if (!file) return;
      file.text().then((text) => {
        contents = text;
        state.textContent = 'New: ' + file.name + ', ' + file.size + ' bytes (stored when you save)';
      });
    });
    return {
      node: [el('label', {for: id}, labelText(item)), state, input],
      values: () => (contents === null ? {} : {[item.name]: contents}),
      current: () => ({[item.name]: contents === null ? item.value : contents}),
      errorId: id + '-error',
    };
  }

  function staticField(item) {
    const node = item.type === 'heading'
      ? el('h4', {class: 'heading'}, item.title || item.name)
      : el('p', {class: 'note'}, item.title || item.value || item.name);
    return {node, values: () => ({}), current: () => ({[item.name]: item.value}), errorId: null};
  }

  /** The field for `item`, by its type; unknown types are edited as text. */
  function fieldFor(item) {
    switch (item.type) {
      case 'bool': return boolField(item);
      case 'select_one':
      case 'select_many': return choiceField(item);
      case 'file': return fileField(item);
      case 'label':
      case 'heading': return staticField(item);
      default: return textField(item);
    }
  }

  T.configFields = {fieldFor};
})(window.Tugboat);
