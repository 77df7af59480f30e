// Small DOM helpers: every text goes in through textContent or attributes, never as HTML.

/**
 * Creates an element. `attrs` keys: `class`, `text` (textContent), `on<event>` (listener),
 * `dataset` (object), booleans (set when true), anything else as an attribute.
 * `children` may nest arrays; strings become text nodes; null/false are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = tag.startsWith('svg:')
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') el.textContent = String(v);
    else if (k === 'class') el.setAttribute('class', v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value' && 'value' in el && !tag.startsWith('svg:')) el.value = v;
    else if (k === 'checked' || k === 'selected') el[k] = Boolean(v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

/** SVG element shorthand. */
export function s(tag, attrs = {}, ...children) {
  return h('svg:' + tag, attrs, ...children);
}

export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Replaces the children of `el`. */
export function fill(el, ...children) {
  el.replaceChildren();
  keyedNodes.delete(el);
  return append(el, children);
}

// The nodes keyed() made for each parent, by key.
const keyedNodes = new WeakMap();

/**
 * Makes `parent`'s children one node per item, in order, reusing the node made earlier for an
 * item with the same key instead of building it again: `key(item)` must therefore say everything
 * `make(item, i)` shows. Reused nodes stay where they are (no move, no new layout, focus and open
 * <details> kept); `place(node, item, i)`, if given, updates what depends on the position only.
 * Returns the nodes, in order.
 * An edit among hundreds of rows then costs the rows it changed, not all of them.
 */
export function keyed(parent, items, key, make, place) {
  const old = keyedNodes.get(parent) || new Map();
  const next = new Map();
  const nodes = items.map((item, i) => {
    const k = key(item, i);
    const pool = old.get(k);
    const node = pool && pool.length ? pool.shift() : make(item, i);
    if (place) place(node, item, i);
    if (next.has(k)) next.get(k).push(node);
    else next.set(k, [node]);
    return node;
  });
  // Remove what is not kept first, so the kept nodes that stay in order are not moved: the nodes
  // made earlier and not reused, and any other child (a first call after fill(), or a parent
  // filled by other code), which only a walk over every child finds.
  let reused = nodes.length;
  for (const pool of old.values()) for (const n of pool) if (n.parentNode === parent) n.remove();
  for (const n of nodes) if (n.parentNode !== parent) reused -= 1;
  if (parent.childNodes.length !== reused) {
    const kept = new Set(nodes);
    for (const c of [...parent.childNodes]) if (!kept.has(c)) c.remove();
  }
  let cursor = parent.firstChild;
  for (const node of nodes) {
    if (node === cursor) cursor = cursor.nextSibling;
    else parent.insertBefore(node, cursor);
  }
  keyedNodes.set(parent, next);
  return nodes;
}

// The chunked keyed() runs under way, by parent: a later call replaces the one before.
const chunkRuns = new WeakMap();

/**
 * keyed() for a list that may be long: its first `chunk` items now, then `chunk` more appended in
 * each later task (`later()`: a promise settled in a later task) until every item is there
 * (issue 13: a 10,000-record file's lists of records counted were one task of 200 ms). A list of
 * at most `chunk` items is made at once, as keyed() makes it; a later call for the same parent
 * replaces a run under way.
 */
export function keyedInChunks(parent, items, key, make, later, chunk = 100, place = null) {
  const run = {};
  chunkRuns.set(parent, run);
  let n = Math.min(items.length, chunk);
  keyed(parent, n === items.length ? items : items.slice(0, n), key, make, place);
  const more = () => {
    if (chunkRuns.get(parent) !== run) return;
    const made = keyedNodes.get(parent);
    const end = Math.min(items.length, n + chunk);
    const nodes = [];
    for (; n < end; n += 1) {
      const k = key(items[n], n);
      const node = make(items[n], n);
      if (place) place(node, items[n], n);
      if (made.has(k)) made.get(k).push(node);
      else made.set(k, [node]);
      nodes.push(node);
    }
    parent.append(...nodes);
    if (n < items.length) later().then(more);
  };
  if (n < items.length) later().then(more);
}

/**
 * keyed(), or keyedInChunks() when more than `chunk` of the items are new (not made before for
 * this parent: a first drawing of a long list, or all of it in another language). An edit that
 * changes a few items of a long list still reuses the others in one call.
 */
export function keyedNewInChunks(parent, items, key, make, later, chunk = 100, place = null) {
  const old = keyedNodes.get(parent);
  let fresh = 0;
  for (let i = 0; i < items.length && fresh <= chunk; i += 1) if (!old || !old.has(key(items[i], i))) fresh += 1;
  if (fresh <= chunk) {
    chunkRuns.delete(parent);  // a run under way of an earlier call stops
    return keyed(parent, items, key, make, place);
  }
  return keyedInChunks(parent, items, key, make, later, chunk, place);
}

let counter = 0;
/** A document-unique id for label/aria wiring. */
export function uid(prefix = 'id') {
  counter += 1;
  return `${prefix}-${counter}`;
}

/**
 * Re-renders `fn` while keeping keyboard focus: the focused element's `data-focus` key is
 * looked up again afterwards.
 */
export function keepFocus(root, fn) {
  const active = document.activeElement;
  const key = active && root.contains(active) ? active.dataset.focus : null;
  fn();
  if (key) {
    const again = root.querySelector(`[data-focus="${CSS.escape(key)}"]`);
    if (again) again.focus({ preventScroll: true });
  }
}

/** Offers `content` as a file download. */
export function download(filename, content, type) {
  const blob = new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
