// Offline (issue 13): registers the service worker (sw.js) that keeps every file of the site, so
// that after one visit the page opens and reloads with no network; says when a newer version is
// ready, with a button that switches to it and reloads. Imported once by app.js.

import { t } from './i18n.js';

const note = () => document.getElementById('update-note');

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
    if (!worker) return;
    worker.addEventListener('statechange', () => {
      // Installed while an older worker controls the page: a newer version is ready.
      if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(worker);
    });
  });
}

if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // Only after the person asked for the update (the first worker's claim does not happen).
    if (reloading || note().hidden) return;
    reloading = true;
    location.reload();
  });
  // Registered once the page has loaded: its first verdict does not wait for the worker's files.
  const register = () => navigator.serviceWorker.register('sw.js').then(watch, () => {});
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
