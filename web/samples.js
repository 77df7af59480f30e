// The demo samples (samples/index.json): their buttons, fetched once the form is built (and kept
// for offline use), and loading one as a client.

import { h, fill } from './dom.js';
import { t, LANGS } from './i18n.js';
import { checkFile, refusedNotice } from './files.js';
import { notify } from './notices.js';
import { $, state } from './page-state.js';
import { addAsClient } from './saved-entries.js';

export function fetchSampleText(sample) {
  if (!sample.text) {
    sample.text = fetch('samples/' + encodeURIComponent(sample.file), { cache: 'no-cache' }).then((resp) => {
      if (!resp.ok) throw new Error(`${resp.status}`);
      return resp.text();
    });
    sample.text.catch(() => { sample.text = null; });
  }
  return sample.text;
}

async function loadSample(sample) {
  try {
    const text = await fetchSampleText(sample);
    const r = checkFile(text);
    if (r.refused) {
      refusedNotice(sample.file, text);
      return;
    }
    addAsClient(r.doc, state.rules.label(sample.title), () => t('samples.loaded', { name: state.rules.label(sample.title) }), 'sample');
  } catch (err) {
    notify({ tone: 'error', kind: 'sample-failed', render: () => t('samples.failed', { message: err.message }) });
  }
}

// Each button holds its title in the three languages, as index.html has them before the list
// arrives (style.css shows the page's language): the list replaces them with buttons of the same
// size. A click is handled by the box (boot), on the buttons of index.html too.
export function renderSamples() {
  const box = $('sample-buttons');
  fill(box, state.samples.map((s) => h('button', {
    type: 'button', class: 'btn-small sample', dataset: { sample: s.id || s.file },
    title: s.description ? state.rules.label(s.description) : null,
  }, LANGS.map((lang) => h('span', {
    lang, text: s.title && typeof s.title === 'object' ? (s.title[lang] || state.rules.label(s.title)) : String(s.title),
  })))));
}

// The list of samples, once fetched: asked for when the form is built (buildPage).
export let samplesListed;
const samplesReady = new Promise((resolve) => { samplesListed = resolve; });

export function onSampleClick(ev) {
  const b = ev.target.closest('[data-sample]');
  if (!b) return;
  samplesReady.then(() => {
    const sample = state.samples.find((s) => (s.id || s.file) === b.dataset.sample);
    if (sample) loadSample(sample);
  });
}

export async function fetchSamples() {
  try {
    const resp = await fetch('samples/index.json', { cache: 'no-cache' });
    if (!resp.ok) return;
    const list = await resp.json();
    state.samples = Array.isArray(list.samples) ? list.samples : Array.isArray(list) ? list : [];
    renderSamples();
    // The samples are small: fetched now, they also load offline later.
    for (const sample of state.samples) fetchSampleText(sample).catch(() => {});
  } catch {
    // Samples are optional: the page works without them.
  }
}
