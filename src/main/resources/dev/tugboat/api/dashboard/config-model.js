'use strict';
// The config screen as the form needs it, from GET /api/v1/config: {groups: [{name, title,
// description, when, shown, items}]}, items in spec order, an option naming its select item as
// parent. Secrets come masked.
//
// `when`s: the simple forms (item=value, item!=value, true/false) are decided here from the values
// in the form, so items appear and disappear as the operator edits. A template `when` can ask
// anything the daemon knows (host addresses, other functions), so for those the form keeps what the
// daemon decided with the stored values; a save sends the screen anew.
window.Tugboat = window.Tugboat || {};

(function (T) {
  // As the daemon's config package parses them (WhenCondition).
  const COMPARISON = /^\s*([A-Za-z0-9_.-]+)\s*(!=|=)\s*(.*?)\s*$/;
  const TRUE = ['1', 't', 'T', 'TRUE', 'true', 'True'];
  const FALSE = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

  /** A `when` as something to decide: always, a constant, a comparison, or the daemon's answer. */
  function parseWhen(text, shownByDaemon) {
    const when = String(text || '');
    if (when.trim() === '') return {decide: () => true};
    if (!when.includes('{{repl')) {
      if (TRUE.includes(when.trim())) return {decide: () => true};
      if (FALSE.includes(when.trim())) return {decide: () => false};
      const comparison = COMPARISON.exec(when);
      if (comparison) {
        const [, name, op, value] = comparison;
        return {decide: (valueOf) => ((valueOf(name) || '') === value) === (op === '=')};
      }
    }
    return {decide: () => shownByDaemon};
  }

  function item(raw, options) {
    const value = raw.value === null || raw.value === undefined ? '' : String(raw.value);
    return {
      name: raw.name,
      title: raw.title || '',
      type: raw.type || 'text',
      value,
      required: raw.required === true,
      hidden: raw.hidden === true,
      readonly: raw.readonly === true,
      secret: raw.secret === true,
      shown: raw.shown !== false,
      when: parseWhen(raw.when, raw.shown !== false),
      isSet: value !== '',
      test: raw.test || null,
      options: options.map((o) => item(o, [])),
    };
  }

  /** [{name, title, description, when, items: [item with options]}]; empty when nothing is configurable. */
  function groupsOf(answer) {
    return ((answer && answer.groups) || []).map((raw) => {
      const all = raw.items || [];
      return {
        name: raw.name,
        title: raw.title || raw.name,
        description: raw.description || '',
        when: parseWhen(raw.when, raw.shown !== false),
        items: all.filter((i) => !i.parent).map((i) => item(i, all.filter((o) => o.parent === i.name))),
      };
    });
  }

  /**
   * Whether the item is shown with the values now in the form: its group's `when`, its own. For a
   * template `when` the daemon's answer already includes the group's.
   */
  function isShown(group, item, valueOf) {
    return group.when.decide(valueOf) && item.when.decide(valueOf);
  }

  T.configModel = {groupsOf, isShown, parseWhen};
})(window.Tugboat);
