// Import and export of files: the enterprise file (checked by the engine first, refused with its
// reasons) and the desk file of every client.

import * as engine from './engine.mjs';
import { h, download } from './dom.js';
import { t, getLang } from './i18n.js';
import * as model from './model.js';
import * as storage from './storage.js';
import { Answers } from './answers.js';
import * as desk from './desk.js';
import { notify } from './notices.js';
import { state, views } from './page-state.js';
import { addAsClient } from './saved-entries.js';
import { nextTask } from './slices.js';
import { farCall } from './far-engine.js';

/** Works before the engine has started too (with no rule data, keys keep their order). */
export function exportFile() {
  // Named by the enterprise (Chinese names kept) and the day (desk.js fileName).
  const name = desk.clientName(storage.readClient(storage.currentClient())) || state.doc.enterprise.name;
  // Only what was answered: a list not answered yet is left out, one answered "none" is empty.
  download(desk.fileName('', name, state.today, 'json'), model.toExportText(state.doc, state.rules, state.answers), 'application/json');
  // A yes/no question not answered yet is left out of the file, where it would read as "no"
  // (or, for a valid complaint or an effective judgment, be missing): said at once.
  const open = state.rules ? state.unanswered.filter((u) => u.fields).length : 0;
  if (open) notify({ tone: 'warn', kind: 'export-open', render: () => t('file.exported_open', { n: open }) });
}

/** Checks a file with the engine; returns the parsed file or the reasons it was refused. */
// `text` is the file's text, or its bytes (an imported file: the engine then sees exactly what
// the CLI would, a byte-order mark or bytes that are not UTF-8 included).
export function checkFile(text) {
  return judged(JSON.parse(engine.evaluate(text, checkOptions())), text);
}

const checkOptions = () => ({ lang: getLang(), today: state.today });

// Above this many bytes an imported file is checked by the engine in the worker (issue 13).
const FAR_BYTES = 256 * 1024;

/** checkFile, a large file's engine call made off the page's thread (far-engine.js). */
async function checkFileFar(text) {
  if (text.length > FAR_BYTES) {
    const out = await farCall('evaluate', text, checkOptions());
    if (out !== null) {
      const res = JSON.parse(out);
      await nextTask();  // the file's own parse in a task after the answer's
      return judged(res, text);
    }
  }
  return checkFile(text);
}

// The parsed file, or why it was refused, from the engine's result `res` for it.
function judged(res, text) {
  if (res.verdict !== 'invalid') {
    try {
      const str = typeof text === 'string' ? text : new TextDecoder('utf-8', { fatal: true }).decode(text);
      return { doc: JSON.parse(str.replace(/^\uFEFF/, '')) };
    } catch {
      return { refused: { why: t('file.not_json'), errors: [] } };
    }
  }
  const errors = res.errors || [];
  const codes = errors.map((e) => e.code);
  if (codes.includes('invalid_json')) return { refused: { why: t('file.not_json'), errors } };
  if (codes.includes('unsupported_schema')) return { refused: { why: t('file.wrong_schema'), errors } };
  if (codes.includes('too_large')) return { refused: { why: t('file.too_large'), errors } };
  return { refused: { why: t('file.engine_errors'), errors } };
}

export function refusedNotice(name, text) {
  notify({
    tone: 'error', kind: 'refused',
    // Re-checked on a language switch, so the engine's messages follow the language.
    render: () => {
      const r = text === null ? { refused: { why: t('file.unreadable'), errors: [] } } : checkFile(text);
      const refused = r.refused || { why: '', errors: [] };
      return [
        h('p', { text: t('file.refused', { name, why: refused.why }) }),
        refused.errors.length
          ? h('ul', {}, refused.errors.slice(0, 12).map((e) => h('li', {},
            e.path ? [h('code', { text: e.path }), ' '] : null, e.message)))
          : null,
      ];
    },
  });
}

export async function importFile(file) {
  let text = null;
  const maxFile = engine.limits().file_bytes;  // the engine's own limit, said before reading
  if (file.size <= maxFile) {
    try {
      text = new Uint8Array(await file.arrayBuffer());
    } catch {
      text = null;
    }
  }
  if (text === null) {
    notify({
      tone: 'error', kind: 'refused',
      render: () => h('p', { text: t('file.refused', { name: file.name, why: t(file.size > maxFile ? 'file.too_large' : 'file.unreadable') }) }),
    });
    return;
  }
  const deskDoc = deskFileIn(text);
  if (deskDoc) {
    importDesk(file.name, deskDoc);
    return;
  }
  let r;
  try {
    r = await checkFileFar(text);
  } catch (err) {
    notify({ tone: 'error', kind: 'refused', render: () => t('app.engine_error', { message: err.message }) });
    return;
  }
  if (r.refused) {
    refusedNotice(file.name, text);
    return;
  }
  await nextTask();  // the engine's check and the client's making: two tasks (issue 13: large files)
  addAsClient(r.doc, file.name, () => t('file.imported', { name: file.name }), 'imported');
}

/** The desk file (`nvcheck/desk@1`) in these bytes, parsed, or null when it is another file. */
function deskFileIn(bytes) {
  try {
    const v = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
    return v && typeof v === 'object' && v.schema === desk.DESK_SCHEMA ? v : null;
  } catch {
    return null;
  }
}

/**
 * Adds every client of a desk file (each enterprise checked by the engine first: one refused
 * refuses the file, saying which and why), asking for each one already here.
 */
async function importDesk(fileName, file) {
  const list = Array.isArray(file.clients) ? file.clients : null;
  const why = [];
  const docs = [];
  if (!list || !list.length) why.push(t('file.wrong_schema'));
  else {
    list.forEach((c, i) => {
      const r = c && typeof c === 'object' && c.enterprise && typeof c.enterprise === 'object'
        ? checkFile(JSON.stringify(c.enterprise)) : { refused: { why: t('file.wrong_schema'), errors: [] } };
      if (r.refused) why.push(t('desk.bad_desk', { n: i + 1, why: r.refused.why + (r.refused.errors[0] ? ` ${r.refused.errors[0].message}` : '') }));
      else docs.push({ doc: r.doc, notes: desk.notesOf(c), label: typeof c.label === 'string' ? c.label : '' });
    });
  }
  if (why.length) {
    notify({ tone: 'error', kind: 'refused', render: () => [h('p', { text: t('file.refused', { name: fileName, why: '' }) }), h('ul', {}, why.slice(0, 12).map((w) => h('li', { text: w })))] });
    return;
  }
  if (typeof file.consultant === 'string' && file.consultant.trim() && !desk.settings().consultant) desk.setSettings({ consultant: file.consultant.trim() });
  let added = 0;
  for (const c of docs) {
    const name = c.label || (c.doc.enterprise && c.doc.enterprise.name) || fileName;
    const id = await addAsClient(c.doc, name, null, null, c.notes);
    if (id) {
      added += 1;
      if (c.label) desk.rename(id, c.label);
    }
  }
  if (views.deskView) views.deskView.refresh();
  notify({ tone: 'ok', kind: 'imported', render: () => t('desk.imported_desk', { name: fileName, n: added }) });
}

/** The whole desk as one file (`nvcheck/desk@1`): every client's enterprise file and notes. */
export function exportDesk() {
  const file = desk.deskFile((client) => {
    const doc = model.normalise(client.doc ? JSON.parse(JSON.stringify(client.doc)) : model.emptyDoc());
    return model.toFile(doc, state.rules, Answers.fromJSON(doc, client.answers));
  }, state.today);
  download(desk.fileName('desk', desk.settings().consultant || 'clients', state.today, 'json'), JSON.stringify(file, null, 2) + '\n', 'application/json');
}
