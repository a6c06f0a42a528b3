'use strict';
// The config screen as the form needs it, read from the daemon's answer: groups of items, each with
// its type, value (secrets come masked), whether it is shown, and its options.
window.Tugboat = window.Tugboat || {};

(function (T) {
  const WHEN = /^\s*([A-Za-z0-9_.-]+)\s*(!=|=)\s*(.*?)\s*$/;

  function bool(value) {
    return value === true || value === 'true' || value === '1';
  }

  function item(raw, group) {
    const options = raw.options || raw.items || [];
    const type = raw.type || 'text';
    return {
      name: String(raw.name),
      title: raw.title || '',
      type,
      group,
      helpText: raw.helpText || raw.help_text || '',
      value: raw.value === null || raw.value === undefined ? '' : String(raw.value),
      defaultValue: raw.default === null || raw.default === undefined ? '' : String(raw.default),
      required: bool(raw.required),
      hidden: bool(raw.hidden),
      readonly: bool(raw.readonly),
      secret: bool(raw.secret) || bool(raw.masked) || type === 'password',
      isSet: raw.isSet === undefined ? raw.value !== undefined && raw.value !== '' : bool(raw.isSet),
      shown: raw.shown === undefined ? true : bool(raw.shown),
      when: typeof raw.when === 'string' ? raw.when : '',
      options: options.map((o) => item(o, group)),
    };
  }

  /** Groups with their items, from {groups: [...]} or a flat {items: [...]} naming each item's group. */
  function normalize(answer) {
    const body = answer && answer.config ? answer.config : answer || {};
    if (Array.isArray(body.groups)) {
      return body.groups.map((g) => ({
        name: String(g.name),
        title: g.title || g.name,
        description: g.description || '',
        shown: g.shown === undefined ? true : bool(g.shown),
        when: typeof g.when === 'string' ? g.when : '',
        items: (g.items || []).map((i) => item(i, g.name)),
      }));
    }
    const groups = new Map();
    const flat = (Array.isArray(body) ? body : body.items || []).filter((i) => !i.parent);
    const options = (Array.isArray(body) ? body : body.items || []).filter((i) => i.parent);
    for (const raw of flat) {
      const name = raw.group || '';
      if (!groups.has(name)) {
        groups.set(name, {name, title: raw.groupTitle || name, description: '', shown: true, when: '', items: []});
      }
      const own = options.filter((o) => o.parent === raw.name);
      groups.get(name).items.push(item(own.length ? {...raw, options: own} : raw, name));
    }
    return [...groups.values()];
  }

  /**
   * Whether a `when` holds with the form's current values: `item=value` and `item!=value` are read
   * here, so the form follows the operator's edits; other forms (templates) keep the daemon's
   * verdict, which it re-renders after each save.
   */
  function shown(thing, valueOf) {
    const match = WHEN.exec(thing.when || '');
    if (!match) return thing.shown;
    const current = valueOf(match[1]);
    if (current === undefined) return thing.shown;
    return (current === match[3]) === (match[2] === '=');
  }

  T.configModel = {normalize, shown};
})(window.Tugboat);
