// The entries kept in this browser: autosave, another tab's entries, the desk's clients opened or
// added (a sample or an imported file becomes a client), and clearing everything.

import { t, setLang, getLang, LANGS } from './i18n.js';
import * as model from './model.js';
import * as storage from './storage.js';
import { Answers } from './answers.js';
import * as desk from './desk.js';
import { askDuplicate } from './desk-view.js';
import { evaluateNow, evaluateSoon, isLarge } from './evaluation.js';
import { exportFile } from './files.js';
import { applyStatic } from './language.js';
import { notify, renderNotice } from './notices.js';
import { $, state, views } from './page-state.js';
import { renderSamples } from './samples.js';
import { renderWhatIfDate } from './what-if.js';
import { nextTask } from './slices.js';

export function persist() {
  const entries = entriesToSave();
  if (entries) saved(storage.save(entries));
}

/**
 * Saves soon, in a task of its own (storage.saveSoon: before anything reads the storage, and when
 * the page is left); `then()` runs once saved.
 */
export function persistSoon(then = null) {
  storage.saveSoon(() => {
    const entries = entriesToSave();
    if (!entries && then) then();
    return entries;
  }, (res) => {
    saved(res);
    if (then) then();
  });
}

// The entries to save, or null when nothing may be saved now (the page says why).
function entriesToSave() {
  const el = $('save-state');
  if (state.tour) {
    // The guided tour (tour.js) runs on a copy: nothing is saved until it puts the entries back.
    el.textContent = t('tour.not_saved');
    el.classList.add('warn');
    return null;
  }
  if (state.otherTab) {
    // Another tab saved other entries: nothing is written over them until the person chooses.
    el.textContent = t('tab.not_saved');
    el.classList.add('warn');
    return null;
  }
  return { doc: state.doc, answers: state.answers.toJSON(state.doc), lang: getLang(), on: state.on };
}

function saved(res) {
  const el = $('save-state');
  el.textContent = res === 'ok' ? t('saved') : res === 'full' ? t('storage.full_short') : t('not_saved');
  el.classList.toggle('warn', res !== 'ok');
  if (views.deskView) views.deskView.refreshSoon();
  if (res === 'full' && !state.storageFull) {
    // Said once until a save works again: what to do is to export the file.
    notify({
      tone: 'error', kind: 'storage-full', render: () => t('storage.full'),
      actions: [{ id: 'storage-full-export', text: t('file.export'), onclick: () => exportFile() }],
    });
  }
  state.storageFull = res === 'full';
}

/**
 * Another tab of this page saved other entries (a storage event): this tab says so, stops
 * saving over them and offers to load them or keep its own.
 */
export function otherTabChanged(saved) {
  state.otherTab = saved || { doc: model.emptyDoc() };
  persist();
  notify({
    tone: 'warn', kind: 'other-tab', render: () => t('tab.changed'),
    actions: [
      { id: 'tab-load', text: t('tab.load'), onclick: () => loadOtherTab() },
      { id: 'tab-keep', text: t('tab.keep'), onclick: () => keepThisTab() },
    ],
    sticky: true,
  });
}

function loadOtherTab() {
  const saved = state.otherTab;
  state.otherTab = null;
  if (LANGS.includes(saved.lang) && saved.lang !== getLang()) {
    setLang(saved.lang);
    applyStatic();
    if (views.form) views.report.render();
    renderSamples();
  }
  showSaved(saved);
  notify({ tone: 'ok', kind: 'tab-loaded', render: () => t('tab.loaded') });
}

/** Shows saved entries: another tab's, or another client of the desk (desk-view.js). */
function showSaved(saved) {
  state.doc = model.normalise(saved.doc && typeof saved.doc === 'object' ? saved.doc : model.emptyDoc());
  state.answers = Answers.fromJSON(state.doc, saved.answers);
  state.on = typeof saved.on === 'string' && /^\d*-\d*-\d*$/.test(saved.on) ? saved.on : '';
  state.tried.clear();
  state.good = null;
  if (views.form) views.form.render();
  if ($('whatif-on')) renderWhatIfDate(true);
  // A large file is saved and evaluated in tasks after the one that starts its form (issue 13).
  if (isLarge(state.doc)) {
    persistSoon();
    evaluateSoon(0);
  } else {
    persist();
    evaluateNow();
  }
  if (views.notesView) views.notesView.render();
}

/** Opens another client of the desk: a second tab's notice was about the one left. */
export function openClient(saved) {
  if (state.otherTab || (state.notice && state.notice.kind === 'other-tab')) {
    state.otherTab = null;
    state.notice = null;
    renderNotice();
  }
  showSaved(saved);
  if (views.report) views.report.render();
}

/** The client of `same` whose entries and answers are those of `doc` once saved, if any. */
function identicalClient(same, doc) {
  const fresh = model.normalise(JSON.parse(JSON.stringify(doc)));
  const freshDoc = JSON.stringify(fresh);
  const freshAnswers = JSON.stringify(Answers.fromFile(JSON.parse(JSON.stringify(doc))).toJSON(fresh));
  return same.find(({ client }) => JSON.stringify(client.doc) === freshDoc && JSON.stringify(client.answers) === freshAnswers);
}

/** A file's entries as a client holds them (`record`), with its answers (answers.js). */
function entriesOfFile(doc) {
  const answers = Answers.fromFile(doc);
  const norm = model.normalise(doc);
  return { answers, record: { doc: norm, answers: answers.toJSON(norm), on: '' } };
}

/** Shows a file's entries (entriesOfFile) on the page, with no what-if date. */
function showEntries({ record, answers }) {
  showSaved(record);
  state.answers = answers;
  state.on = '';
}

/**
 * Issue 16: a loaded sample or an imported file becomes a client of its own (the open client
 * stays as it was), or fills the open client when that one is still empty. When the same
 * enterprise is already a client, asks: replace it, add a copy, or cancel. Undo goes back.
 */
export async function addAsClient(doc, name, message, kind, notes = null) {
  if (state.tour) {
    // The guided tour runs on a copy of the entries (tour.js) and puts them back when it ends:
    // its sample is shown, never kept as a client (nor is another client opened for it).
    showEntries(entriesOfFile(doc));
    if (kind) notify({ tone: 'ok', kind, render: message });
    return storage.currentClient();
  }
  const same = desk.sameEnterprise(doc);
  // The very same entries already a client (a sample loaded again): that client is opened. (Only
  // looked for among clients of the same enterprise: the copies are 50 ms of a 10,000-record file.)
  const identical = notes || !same.length ? null : identicalClient(same, doc);
  if (identical) {
    const previousId = storage.currentClient();
    if (identical.id !== previousId) {
      storage.setCurrent(identical.id);
      openClient({ doc: identical.client.doc, answers: identical.client.answers, on: identical.client.on });
    }
    if (kind) {
      notify({
        tone: 'ok', kind, render: message,
        undo: () => {
          storage.setCurrent(previousId);
          const back = storage.readClient(previousId) || {};
          openClient({ doc: back.doc, answers: back.answers, on: back.on });
          notify({ tone: 'ok', kind: 'undone', render: () => t('undone') });
        },
      });
    }
    return identical.id;
  }
  const choice = same.length ? await askDuplicate(name) : 'add';
  if (choice === 'cancel') {
    notify({ tone: 'warn', kind: 'import-cancelled', render: () => t('desk.import_cancelled', { name }) });
    return null;
  }
  const previousId = storage.currentClient();
  const previous = storage.readClient(previousId);
  const entries = entriesOfFile(doc);
  const { record } = entries;
  const norm = record.doc;
  let id;
  let replaced = null;
  const emptyNow = previous && model.isEmpty(previous.doc || model.emptyDoc()) && !desk.clientName(previous)
    && !desk.notesOf(previous).enterprise && !Object.keys(desk.notesOf(previous).records).length;
  if (choice === 'replace' || (choice === 'add' && emptyNow)) {
    id = choice === 'replace' ? same[0].id : previousId;
    replaced = storage.readClient(id);
    desk.updateClient(id, (c) => {
      Object.assign(c, record);
      if (notes) c.notes = notes;
    });
  } else {
    id = desk.addClient({ ...record, label: choice === 'copy' ? t('desk.copy_of', { name }) : '', notes: notes || desk.emptyNotes() }, previousId);
    if (!id) {
      notify({ tone: 'error', kind: 'storage-full', render: () => t('storage.full') });
      return null;
    }
  }
  // A large file is shown in a task after the one that saved it (issue 13: the two were 140 ms
  // for 10,000 records); until then the page shows, and saves, the client it showed.
  if (isLarge(norm)) await nextTask();
  storage.setCurrent(id);
  state.otherTab = null;
  showEntries(entries);
  if (kind) {
    notify({
      tone: 'ok', kind, render: message,
      undo: () => {
        if (replaced) storage.writeClient(id, replaced);
        else desk.remove(id);
        storage.setCurrent(storage.readClient(previousId) ? previousId : storage.clientIds()[0]);
        const back = storage.readClient(storage.currentClient()) || {};
        openClient({ doc: back.doc, answers: back.answers, on: back.on });
        notify({ tone: 'ok', kind: 'undone', render: () => t('undone') });
      },
    });
  }
  return id;
}

function keepThisTab() {
  state.otherTab = null;
  persist();
  notify({ tone: 'ok', kind: 'tab-kept', render: () => t('tab.kept') });
}

export function clearEverything() {
  if (!views.form) return;
  const dialog = $('clear-dialog');
  dialog.showModal();
}

export function confirmClear() {
  $('clear-dialog').close();
  state.doc = model.emptyDoc();
  state.answers = new Answers();
  state.on = '';
  state.tried.clear();
  state.good = null;
  state.otherTab = null;
  storage.clear();
  persist();
  views.form.render();
  evaluateNow();
  notify({ tone: 'ok', kind: 'cleared', render: () => t('clear.done') });
  $('clear-btn').focus();
}
