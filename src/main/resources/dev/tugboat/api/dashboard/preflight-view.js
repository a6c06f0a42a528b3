'use strict';
// The preflight panel: each host or custom requirement the last preflight checked, with what it
// asked for, what the host has, and the verdict. Hidden while the spec has none.
(function (T) {
  const {el, fill} = T.dom;

  function renderPreflight(status, panel, node) {
    const checks = (status.preflight && status.preflight.checks) || [];
    panel.hidden = checks.length === 0;
    if (checks.length === 0) {
      fill(node);
      return;
    }
    const rows = checks.map((c) => el('tr', {'data-verdict': c.verdict},
      el('td', null, c.name), el('td', null, c.scope), el('td', null, c.required || '-'),
      el('td', null, c.measured || '-'),
      el('td', null, el('span', {class: 'verdict', 'data-verdict': c.verdict}, c.verdict)),
      el('td', {class: 'why'}, c.message || '')));
    fill(node,
      el('p', {class: 'meta'}, 'Checked ' + T.dom.clock(T.dom.toDate(status.preflight.checked_at))),
      el('table', {class: 'preflight'},
        el('thead', null, el('tr', null, ['Check', 'Of', 'Needs', 'Has', 'Verdict', 'Why']
          .map((h) => el('th', {scope: 'col'}, h)))),
        el('tbody', null, rows)));
  }

  T.preflightView = {renderPreflight};
})(window.Tugboat);
