'use strict';
// One form control per config item type. Each field knows its item's value as loaded and as edited,
// so the form sends only what changed. A secret is never put into an input: the daemon sends it
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

  function help(item, id) {
    return item.helpText ? el('p', {class: 'help', id: id + '-help'}, item.helpText) : null;
  }

  /** A text, password or textarea item. */
  function textField(item) {
    const id = nextId();
    const secret = item.secret;
    const attrs = {
      id, name: item.name, 'aria-describedby': [item.helpText ? id + '-help' : '', id + '-error'].join(' ').trim(),
      disabled: item.readonly, spellcheck: 'false', autocomplete: secret ? 'new-password' : 'off',
      placeholder: secret ? (item.isSet ? 'Set; type a new value to replace it' : 'Not set') : item.defaultValue,
    };
    const input = item.type === 'textarea'
      ? el('textarea', {...attrs, rows: 4})
      : el('input', {...attrs, type: secret ? 'password' : 'text'});
    input.value = secret ? '' : item.value;
    return {
      node: [el('label', {for: id}, labelText(item)), help(item, id), input],
      values: () => (secret ? (input.value === '' ? {} : {[item.name]: input.value})
        : (input.value === item.value ? {} : {[item.name]: input.value})),
      current: () => ({[item.name]: secret ? item.value : input.value}),
      focus: () => input.focus(),
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
      node: [el('div', {class: 'check'}, input, el('label', {for: id}, labelText(item))), help(item, id)],
      values: () => (input.checked === isOn(item.value) ? {} : {[item.name]: value()}),
      current: () => ({[item.name]: value()}),
      focus: () => input.focus(),
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
      return Object.fromEntries(inputs.map(({option, input}) => [option.name, input.checked ? '1' : '0']));
    };
    return {
      node: el('fieldset', {class: 'choices', 'aria-describedby': id + '-error'},
        el('legend', {}, labelText(item)), help(item, id), inputs.map((i) => i.node)),
      values, current,
      focus: () => inputs.length && inputs[0].input.focus(),
      errorId: id + '-error',
    };
  }

  /** A file item: its contents are set from the command line; the form says whether one is set. */
  function fileField(item) {
    const id = nextId();
    return {
      node: [el('span', {class: 'label', id}, labelText(item)), help(item, id),
        el('p', {class: 'meta'}, item.isSet ? 'A file is set: ' + item.value : 'No file is set',
          '. Set it with ', el('code', {}, 'tugboat config set SPEC ' + item.name + '=@FILE'), '.')],
      values: () => ({}),
      current: () => ({[item.name]: item.value}),
      focus: () => {},
      errorId: id + '-error',
    };
  }

  function staticField(item) {
    const node = item.type === 'heading'
      ? el('h4', {class: 'heading'}, item.title || item.name)
      : el('p', {class: 'note'}, item.title || item.value || item.name);
    return {node, values: () => ({}), current: () => ({}), focus: () => {}, errorId: null};
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
