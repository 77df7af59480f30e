// Offline (issue 13): registers the service worker (sw.js) that keeps every file of the site, so
// that after one visit the page opens and reloads with no network; says when a newer version is
// ready, with a button that switches to it and reloads. Imported once by app.js.
//
// On a first visit the worker takes the files the page has already loaded from the HTTP cache
// (sw.js, docs/offline.md). So that it never asks the server for a file the page is still
// loading itself, the page tells it when its own requests made without the worker are over: the
// engine's two files (early-fetch.js startEngine()) and every fetch() begun before the worker controlled the page.

import { t } from './i18n.js';
import { startEngine } from './early-fetch.js';

const note = () => document.getElementById('update-note');
// Set when the person presses "reload to update": the page reloads once the new worker controls it.
let updateAsked = false;

/** Shows "a newer version is ready" with its button (texts by data-i18n: app.js translates them). */
function offerUpdate(worker) {
  const box = note();
  if (!box || !box.hidden) return;
  const text = document.createElement('span');
  text.dataset.i18n = 'offline.update';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'btn primary';
  button.dataset.i18n = 'offline.reload';
  button.addEventListener('click', () => {
    button.disabled = true;
    updateAsked = true;
    worker.postMessage({ type: 'update' });
  });
  text.textContent = t('offline.update');
  button.textContent = t('offline.reload');
  box.replaceChildren(text, ' ', button);
  box.hidden = false;
}

function watch(reg) {
  if (!reg) return;  // registration refused (a browser that blocks workers)
  // A worker already waiting when the page opens: a build newer than the page shown.
  if (reg.waiting && navigator.serviceWorker.controller) offerUpdate(reg.waiting);
  reg.addEventListener('updatefound', () => {
    const worker = reg.installing;
    // A newer version only if an older worker was active when this one was found: the first
    // worker of a first visit is no update. (WebKit may tell its 'installed' state after it has
    // claimed the page, when the page already has a controller: that worker is not offered.)
    if (!worker || !reg.active) return;
    worker.addEventListener('statechange', () => {
      // Installed while an older worker controls the page: a newer version is ready.
      if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(worker);
    });
  });
}

// The page's fetch() calls made while no worker controls it, until each one's body has arrived.
const uncontrolled = new Set();

function trackUncontrolledFetches() {
  const pageFetch = window.fetch;
  window.fetch = function fetch(...args) {
    const p = pageFetch.apply(this, args);
    if (!navigator.serviceWorker.controller) {
      const done = p.then((r) => r.clone().arrayBuffer()).catch(() => {}).then(() => { uncontrolled.delete(done); });
      uncontrolled.add(done);
    }
    return p;
  };
}

/** Tells the worker that first took control that the page's own requests are over. */
async function tellSettled() {
  await startEngine().catch(() => {});
  while (uncontrolled.size > 0) await Promise.all([...uncontrolled]);
  const worker = navigator.serviceWorker.controller;
  if (worker) worker.postMessage({ type: 'settled' });
}

if (typeof navigator !== 'undefined' && 'serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  if (!navigator.serviceWorker.controller) trackUncontrolledFetches();
  let reloading = false;
  let told = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!told) {
      told = true;
      tellSettled();
    }
    // Only after the person asked for the update, never for the first worker's claim.
    if (reloading || !updateAsked) return;
    reloading = true;
    location.reload();
  });
  // Registered once the page has loaded and its own first requests are over (app.js's
  // 'nvcheck:loaded': the samples and the standard's text, asked for once the form is built):
  // its first verdict does not wait for the worker's files, and the worker finds every file the
  // page asked for in the HTTP cache. (Registered earlier, the worker once controlled the page
  // while it was still asking for the samples; WebKit sent those requests to the server, not to
  // the worker, after the worker had fetched them itself.) A page whose start failed says
  // nothing: it is registered 15 s after its load.
  const register = () => navigator.serviceWorker.register('sw.js').then(watch, () => {});
  const loaded = new Promise((resolve) => {
    if (document.readyState === 'complete') resolve();
    else window.addEventListener('load', () => resolve(), { once: true });
  });
  const requested = new Promise((resolve) => {
    document.addEventListener('nvcheck:loaded', () => resolve(), { once: true });
    loaded.then(() => setTimeout(resolve, 15000));
  });
  Promise.all([loaded, requested]).then(register);
}
