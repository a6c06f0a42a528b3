'use strict';
// The config screen as the form needs it, from GET /api/v1/config: {items: [...]} in spec order,
// each naming its group, and an option naming its select item as parent. Secrets come masked.
window.Tugboat = window.Tugboat || {};

(function (T) {
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
      // The daemon decides `when`s (they may be templates); after a save it sends them anew.
      shown: raw.shown !== false,
      isSet: value !== '',
      options: options.map((o) => item(o, [])),
    };
  }

  /** [{name, items: [item with options]}] in spec order; an empty list when nothing is configurable. */
  function groupsOf(answer) {
    const all = (answer && answer.items) || [];
    const groups = new Map();
    for (const raw of all.filter((i) => !i.parent)) {
      if (!groups.has(raw.group)) groups.set(raw.group, {name: raw.group, items: []});
      groups.get(raw.group).items.push(item(raw, all.filter((o) => o.parent === raw.name)));
    }
    return [...groups.values()];
  }

  T.configModel = {groupsOf};
})(window.Tugboat);
