// Presentation mode (issue 16 item 4), for association staff on a projector: large type, no panel
// that scrolls inside itself (present.css), the language switch always on screen, and a visible
// count of the network requests the page made after it loaded: zero, since the page asks for
// nothing once it has its own files. On with the toggle in the header, or `?present` / `#present`
// in the address; the choice is kept in this browser.
//
// The count reads the browser's own record of requests (PerformanceObserver: the page's
// navigation and every resource). app.js says when the page has loaded everything it uses
// (the 'nvcheck:loaded' event, after the demo samples and the standard's text); each request
// starting after that moment is counted (the browser's own requests for the tab's icon aside).

import { t } from './i18n.js';

const KEY = 'nvcheck:present';
const root = document.documentElement;

let loadedAt = null;   // performance time of 'nvcheck:loaded'
let atLoad = 0;        // requests until then (the page and its files)
let after = 0;         // requests since
const seen = new Set();

function count(entries) {
  for (const e of entries) {
    const key = `${e.entryType}|${e.name}|${e.startTime}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // Chromium asks again for the tab's icon (<link rel="icon">) after each change of address
    // (#standard/6.2.8 included), from its cache: the browser's own request, not the page's.
    if (e.entryType === 'resource' && e.initiatorType === 'other' && icons().has(e.name)) continue;
    if (loadedAt !== null && e.startTime > loadedAt) after++;
    else atLoad++;
  }
  renderCounter();
}

function icons() {
  return new Set([...document.querySelectorAll('link[rel~="icon"]')].map((l) => l.href));
}

function observe() {
  if (typeof PerformanceObserver !== 'function') return;
  for (const type of ['navigation', 'resource']) {
    try {
      new PerformanceObserver((list) => count(list.getEntries())).observe({ type, buffered: true });
    } catch {
      // A browser without this entry type: counted from getEntriesByType below.
    }
  }
}

function readAll() {
  count([...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]);
}

function renderCounter() {
  const el = document.getElementById('request-count');
  if (!el) return;
  const text = loadedAt === null ? '' : t('present.requests', { n: after });
  if (el.textContent !== text) el.textContent = text;
  el.dataset.count = loadedAt === null ? '' : String(after);
  el.title = loadedAt === null ? '' : t('present.requests_title', { n: atLoad });
}

function saved() {
  try {
    return window.localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

function keep(on) {
  try {
    if (on) window.localStorage.setItem(KEY, 'on');
    else window.localStorage.removeItem(KEY);
  } catch {
    // Storage refused: the mode lasts until the page is reloaded.
  }
}

function fromAddress() {
  const params = new URLSearchParams(location.search);
  return params.has('present') || location.hash === '#present';
}

/** Turns presentation mode on or off (kept in this browser). */
function setPresenting(on) {
  root.classList.toggle('present', on);
  keep(on);
  const b = document.getElementById('present-btn');
  if (b) b.setAttribute('aria-pressed', on ? 'true' : 'false');
}

function presenting() {
  return root.classList.contains('present');
}

// On before the first paint (app.js, which imports this module, blocks rendering).
root.classList.toggle('present', fromAddress() || saved());
if (fromAddress()) keep(true);

function mount() {
  const bar = document.getElementById('answer-bar');
  if (bar && !document.getElementById('request-count')) {
    const el = document.createElement('p');
    el.id = 'request-count';
    el.className = 'request-count';
    el.setAttribute('role', 'status');
    bar.append(el);
  }
  const b = document.getElementById('present-btn');
  if (b) {
    b.setAttribute('aria-pressed', presenting() ? 'true' : 'false');
    b.addEventListener('click', () => setPresenting(!presenting()));
  }
  // The count follows the language.
  new MutationObserver(renderCounter).observe(root, { attributes: true, attributeFilter: ['lang'] });
  window.addEventListener('hashchange', () => { if (location.hash === '#present') setPresenting(true); });
  observe();
  readAll();
}

document.addEventListener('nvcheck:loaded', () => {
  readAll();  // everything recorded so far belongs to the load
  loadedAt = performance.now();
  renderCounter();
}, { once: true });

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount, { once: true });
else mount();
