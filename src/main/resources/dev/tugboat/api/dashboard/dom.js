'use strict';
// Builds DOM nodes from data. Text always goes in as text nodes: nothing the daemon sends is ever
// parsed as HTML.
window.Tugboat = window.Tugboat || {};

(function (T) {
  /**
   * el('p', {class: 'x', 'aria-live': 'polite'}, 'text', otherNode, [more, nodes]).
   * Attributes are set with setAttribute (values are strings, never markup); `on*` keys are not
   * accepted, so no data can become a handler.
   */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (/^on/i.test(key)) throw new Error('el: event handler attribute ' + key);
      node.setAttribute(key, value === true ? '' : String(value));
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      if (Array.isArray(child)) append(node, child);
      else if (child instanceof Node) node.appendChild(child);
      else node.appendChild(document.createTextNode(String(child)));
    }
  }

  /** Replaces the children of `node` with `children`. */
  function fill(node, ...children) {
    node.replaceChildren();
    append(node, children);
    return node;
  }

  /** Sets a node's text only when it changed, so a screen reader hears a change once. */
  function say(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  /** The daemon's ISO-8601 time as a Date; null when absent. */
  function toDate(text) {
    const date = text ? new Date(text) : null;
    return date && !isNaN(date.getTime()) ? date : null;
  }

  function clock(date) {
    return date ? date.toLocaleTimeString([], {hour12: false}) : '';
  }

  /** "+2.1 s", "+1 min 5 s": how long after `start` a thing happened. */
  function offset(date, start) {
    if (!date || !start) return '';
    const seconds = Math.max(0, (date.getTime() - start.getTime()) / 1000);
    if (seconds < 60) return '+' + seconds.toFixed(1) + ' s';
    const minutes = Math.floor(seconds / 60);
    return '+' + minutes + ' min ' + Math.round(seconds - minutes * 60) + ' s';
  }

  T.dom = {el, fill, say, toDate, clock, offset};
})(window.Tugboat);
