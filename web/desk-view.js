// The consultant's desk on the page (issue 16): the client list (new, rename, duplicate, delete
// with undo, open) and the summary of every client, each evaluated by the engine (verdict,
// earliest pass date, failing clauses and the next action are the engine's; nothing is
// recomputed here). A sortable table: a button in each header, aria-sort on the sorted one.

import { h, fill } from './dom.js';
import { t, getLang, humanDate } from './i18n.js';
import * as model from './model.js';
import { Answers } from './answers.js';
import { pillText, firstStep } from './verdict-bar.js';
import * as desk from './desk.js';
import * as storage from './storage.js';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

// The summary's columns: their label key and the value they sort by.
const COLUMNS = [
  { key: 'name', label: 'desk.col.name', sort: (r) => r.name.toLocaleLowerCase() },
  { key: 'region', label: 'desk.col.region', sort: (r) => r.region },
  { key: 'verdict', label: 'desk.col.verdict', sort: (r) => ({ pass: 0, unanswered: 1, fail: 2, invalid: 3 }[r.shown] ?? 4) },
  { key: 'earliest', label: 'desk.col.earliest', sort: (r) => r.earliest || '9999-99-99' },
  { key: 'failing', label: 'desk.col.failing', sort: (r) => r.failing.length },
  { key: 'next', label: 'desk.col.next', sort: (r) => r.next },
  { key: 'changed', label: 'desk.col.changed', sort: (r) => r.changed },
];

/** A time of day and date for "last change", in the page's language. */
function changedText(iso) {
  if (typeof iso !== 'string' || iso.length < 16) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n) => String(n).padStart(2, '0');
  const day = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  return `${humanDate(day)} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export class DeskView {
  /**
   * @param {HTMLElement} root
   * @param {{rules: () => object, today: () => string, evaluate: Function, plan: Function,
   *   open: (saved) => void, notify: (notice) => void, regionName: (code) => string}} ctx
   */
  constructor(root, ctx) {
    this.root = root;
    this.ctx = ctx;
    this.sortKey = 'name';
    this.sortDir = 'ascending';
    this.cache = new Map();  // client id -> {key, row}
    this.timer = null;
    storage.onDeskChange(() => this.refreshSoon());
  }

  /** The name shown for a client: its own, else its enterprise's, else "Unnamed client N". */
  nameOf(client, n) {
    return desk.clientName(client) || t('desk.unnamed', { n });
  }

  render() {
    const list = h('ul', { class: 'client-list', id: 'client-list' });
    const openName = h('strong', { id: 'desk-open-name' });
    const buttons = h('div', { class: 'buttons desk-buttons' },
      h('button', { type: 'button', class: 'btn', id: 'client-new', text: t('desk.new'), onclick: () => this.create() }),
      h('button', { type: 'button', class: 'btn', id: 'client-rename', text: t('desk.rename'), onclick: () => this.rename() }),
      h('button', { type: 'button', class: 'btn', id: 'client-duplicate', text: t('desk.duplicate'), onclick: () => this.duplicate() }),
      h('button', { type: 'button', class: 'btn danger', id: 'client-delete', text: t('desk.delete'), onclick: () => this.remove() }),
      h('button', { type: 'button', class: 'btn', id: 'desk-export', text: t('desk.export'), onclick: () => this.ctx.exportDesk() }));
    // Its roles are given explicitly: on a phone it is laid out as cards (desk.css), and some
    // browsers then no longer read it as a table.
    this.table = h('table', { class: 'desk-summary', id: 'desk-summary', role: 'table' });
    fill(this.root,
      h('h2', { id: 'desk-title', text: t('desk.title') }),
      h('p', { class: 'desk-open' }, h('span', { text: t('desk.open') }), openName),
      buttons,
      h('h3', { class: 'sr-only', text: t('desk.list') }),
      list,
      h('h3', { id: 'desk-summary-title', text: t('desk.summary') }),
      h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'desk-summary-title' }, this.table));
    this.list = list;
    this.openName = openName;
    this.shownKey = null;  // new, empty list and table
    this.refresh();
  }

  refreshSoon() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), 200);
  }

  /** The list and the summary again (after an edit, a switch, another tab's change). */
  refresh() {
    clearTimeout(this.timer);
    if (!this.list) return;
    // The open client's answer is being made (a large file, evaluation.js): refreshed once it is.
    if (this.ctx.waiting && this.ctx.waiting()) return;
    const all = desk.clients();
    const currentId = storage.currentClient();
    const rows = all.map(({ id, client }, i) => this.row(id, client, i + 1));
    const current = rows.find((r) => r.id === currentId);
    // Drawn again only when something it shows changed (issue 13: an edit saves, and the list
    // and table built again were a style and layout of the page, ~10 ms, for the same text).
    const shownKey = JSON.stringify([getLang(), currentId, this.sortKey, this.sortDir, rows.map((r) => [
      r.id, r.name, r.shown, r.verdictText, r.regionText, r.earliest, r.failing, r.next, changedText(r.changed),
      this.sortKey === 'changed' ? r.changed : ''])]);
    if (shownKey === this.shownKey && this.list.isConnected && this.table.isConnected) return;
    this.shownKey = shownKey;
    this.openName.textContent = current ? current.name : '';
    // The list: one button per client, the open one marked.
    const focused = document.activeElement && this.list.contains(document.activeElement) ? document.activeElement.dataset.client : null;
    fill(this.list, rows.map((r) => h('li', {},
      h('button', {
        type: 'button', class: 'client', dataset: { client: r.id }, 'aria-current': r.id === currentId ? 'true' : null,
        onclick: () => this.open(r.id),
      }, h('span', { class: 'client-name', text: r.name }), h('span', { class: `client-verdict v-${r.shown}`, text: r.verdictText })))));
    if (focused) {
      const again = this.list.querySelector(`[data-client="${CSS.escape(focused)}"]`);
      if (again) again.focus();
    }
    this.renderTable(rows, currentId);
  }

  /** One client's row: the engine's result and plan for its answered entries (cached). */
  row(id, client, n) {
    const rules = this.ctx.rules();
    const lang = getLang();
    // The open client's entries are the page's, just saved: its row is the page's own answer
    // (the engine's result and plan the page's evaluation made), when the page has it (issue 13:
    // copying, re-reading and stringifying a 400-record client after every edit was ~3 ms).
    const open = this.ctx.openAnswer ? this.ctx.openAnswer(id) : null;
    const meta = [lang, this.ctx.today(), rules.id, rules.version, client.on, client.label, client.changed];
    // The open client's row is keyed by the page's answer (the same objects) and what it shows
    // besides; another client's by all it holds.
    const key = JSON.stringify(open ? meta : [...meta, client.doc, client.answers]);
    const hit = this.cache.get(id);
    if (hit && hit.key === key && (!open || (hit.result === open.result && hit.plan === open.plan && hit.unanswered === open.unanswered))) {
      return { ...hit.row, name: this.nameOf(client, n) };
    }
    let doc;
    let unanswered;
    let result;
    let plan = null;
    if (open) {
      ({ doc, unanswered, result, plan } = open);
    } else {
      doc = model.normalise(client.doc ? JSON.parse(JSON.stringify(client.doc)) : model.emptyDoc());
      const answers = Answers.fromJSON(doc, client.answers);
      unanswered = answers.unanswered(doc, rules);
      const opts = { lang, today: this.ctx.today() };
      if (typeof client.on === 'string' && ISO.test(client.on)) opts.on = client.on;
      try {
        const text = model.evalFile(doc, rules, answers).text;
        result = this.ctx.evaluate(text, opts);
        plan = result.verdict === 'invalid' ? result : this.ctx.plan(text, opts);
      } catch (err) {
        result = { verdict: 'invalid', errors: [] };
      }
    }
    const shown = result.verdict === 'pass' && unanswered.length ? 'unanswered' : result.verdict;
    const failing = result.verdict === 'invalid' ? [] : [
      ...(result.basic_requirements || []).filter((b) => b.status !== 'met'),
      ...(result.indicators || []).filter((i) => i.status === 'fail'),
    ].map((x) => x.clause);
    const region = doc.enterprise.region || '';
    const row = {
      id,
      region,
      regionText: region ? this.ctx.regionName(region) : '',
      shown,
      verdictText: pillText(result, shown),
      earliest: shown === 'pass' ? result.evaluated_on || '' : result.verdict === 'fail' ? result.earliest_pass_date || '' : '',
      failing,
      next: firstStep(result, plan, shown),
      changed: typeof client.changed === 'string' ? client.changed : '',
    };
    this.cache.set(id, open ? { key, row, result: open.result, plan: open.plan, unanswered: open.unanswered } : { key, row });
    return { ...row, name: this.nameOf(client, n) };
  }

  renderTable(rows, currentId) {
    const col = COLUMNS.find((c) => c.key === this.sortKey) || COLUMNS[0];
    const dir = this.sortDir === 'ascending' ? 1 : -1;
    const sorted = rows.map((r, i) => [r, i]).sort(([a, i], [b, j]) => {
      const x = col.sort(a);
      const y = col.sort(b);
      return (x < y ? -1 : x > y ? 1 : i - j) * dir;
    }).map(([r]) => r);
    const focusedSort = document.activeElement && this.table.contains(document.activeElement) ? document.activeElement.dataset.sort : null;
    fill(this.table,
      h('caption', { class: 'sr-only', text: t('desk.summary_caption') }),
      h('thead', { role: 'rowgroup' }, h('tr', { role: 'row' }, COLUMNS.map((c) => h('th', {
        scope: 'col', role: 'columnheader', 'aria-sort': c.key === this.sortKey ? this.sortDir : null,
      }, h('button', {
        type: 'button', class: 'sort', dataset: { sort: c.key },
        onclick: () => this.sortBy(c.key),
      }, t(c.label), h('span', { class: 'sort-mark', 'aria-hidden': 'true', text: c.key === this.sortKey ? (this.sortDir === 'ascending' ? ' ▲' : ' ▼') : '' })))))),
      h('tbody', { role: 'rowgroup' }, sorted.map((r) => h('tr', { role: 'row', dataset: { client: r.id }, class: r.id === currentId ? 'open' : null },
        h('th', { scope: 'row', role: 'rowheader' }, h('button', {
          type: 'button', class: 'linkish', dataset: { open: r.id }, 'aria-current': r.id === currentId ? 'true' : null,
          onclick: () => this.open(r.id), text: r.name,
        })),
        // Each cell names its column (data-label): on a phone a row is a card of labelled lines
        // (desk.css), not a table wider than the screen.
        h('td', { role: 'cell', dataset: { label: t('desk.col.region') }, text: r.regionText }),
        h('td', { role: 'cell', dataset: { label: t('desk.col.verdict') } }, h('span', { class: `client-verdict v-${r.shown}`, text: r.verdictText })),
        h('td', { class: 'nw', role: 'cell', dataset: { label: t('desk.col.earliest') }, text: r.earliest ? humanDate(r.earliest) : '—' }),
        h('td', { role: 'cell', dataset: { label: t('desk.col.failing') }, text: r.failing.length ? r.failing.join(getLang() === 'en' ? ', ' : '、') : '—' }),
        h('td', { role: 'cell', dataset: { label: t('desk.col.next') }, text: r.next || '—' }),
        h('td', { class: 'nw', role: 'cell', dataset: { label: t('desk.col.changed') }, text: changedText(r.changed) || '—' })))));
    if (focusedSort) {
      const again = this.table.querySelector(`[data-sort="${focusedSort}"]`);
      if (again) again.focus();
    }
  }

  sortBy(key) {
    if (this.sortKey === key) this.sortDir = this.sortDir === 'ascending' ? 'descending' : 'ascending';
    else {
      this.sortKey = key;
      this.sortDir = 'ascending';
    }
    this.refresh();
  }

  /** Opens a client: its entries, answers and what-if date in the page. */
  open(id) {
    if (id === storage.currentClient()) {
      this.refresh();
      return;
    }
    const client = storage.readClient(id);
    if (!client) return;
    storage.setCurrent(id);
    this.ctx.open({ doc: client.doc || model.emptyDoc(), answers: client.answers, on: client.on });
    this.refresh();
    this.ctx.announce(t('desk.opened', { name: desk.clientName(client) || t('desk.unnamed', { n: storage.clientIds().indexOf(id) + 1 }) }));
  }

  create() {
    const id = desk.addClient({}, storage.currentClient());
    if (!id) {
      this.ctx.notify({ tone: 'error', kind: 'storage-full', render: () => t('storage.full') });
      return;
    }
    this.open(id);
    const name = this.ctx.nameField();
    if (name) name.focus();
  }

  duplicate() {
    const id = storage.currentClient();
    const c = storage.readClient(id);
    if (!c) return;
    const copy = desk.duplicate(id, t('desk.copy_of', { name: this.nameOf(c, storage.clientIds().indexOf(id) + 1) }));
    if (copy) this.open(copy);
  }

  /** Deletes the open client (one level of undo puts it back and opens it again). */
  remove() {
    const id = storage.currentClient();
    const all = storage.clientIds();
    const i = all.indexOf(id);
    const gone = desk.remove(id);
    const name = this.nameOf(gone.client, i + 1);
    let next = storage.clientIds()[Math.max(0, i - 1)];
    if (!next) next = desk.addClient({});
    this.cache.delete(id);
    this.open(next);
    this.ctx.notify({
      tone: 'ok', kind: 'client-deleted', render: () => t('desk.deleted', { name }),
      undo: () => {
        if (desk.restore(gone)) this.open(gone.id);
        this.ctx.notify({ tone: 'ok', kind: 'undone', render: () => t('undone') });
      },
    });
  }

  /** Renames the open client in a small dialog (Enter saves, Escape cancels). */
  rename() {
    const id = storage.currentClient();
    const c = storage.readClient(id);
    if (!c) return;
    const input = h('input', { type: 'text', id: 'client-rename-input', value: desk.clientName(c), maxlength: '200', autocomplete: 'off' });
    const dialog = h('dialog', { class: 'desk-dialog', id: 'client-rename-dialog', 'aria-labelledby': 'client-rename-title' },
      h('form', { method: 'dialog' },
        h('h2', { id: 'client-rename-title', text: t('desk.rename_title') }),
        h('label', { for: 'client-rename-input', text: t('desk.rename_label') }),
        input,
        h('p', { class: 'hint', text: t('desk.rename_hint') }),
        h('div', { class: 'buttons' },
          h('button', { type: 'submit', class: 'btn', value: 'cancel', text: t('dialog.cancel') }),
          h('button', { type: 'submit', class: 'btn primary', value: 'save', id: 'client-rename-save', text: t('desk.save') }))));
    // Enter in the name saves (the form's first button is Cancel).
    input.addEventListener('keydown', (ev) => {
      if (ev.key !== 'Enter' || ev.isComposing) return;
      ev.preventDefault();
      dialog.close('save');
    });
    dialog.addEventListener('close', () => {
      if (dialog.returnValue === 'save') {
        desk.rename(id, input.value);
        this.refresh();
        this.ctx.entriesRenamed();
      }
      dialog.remove();
      const b = document.getElementById('client-rename');
      if (b) b.focus();
    });
    document.body.append(dialog);
    dialog.showModal();
    input.select();
  }
}

/**
 * Asks what to do with a file whose enterprise is already a client: 'replace', 'copy' or
 * 'cancel' (Escape). Resolves when answered.
 */
export function askDuplicate(name) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'desk-dialog', id: 'duplicate-dialog', 'aria-labelledby': 'duplicate-title', 'aria-describedby': 'duplicate-body' },
      h('form', { method: 'dialog' },
        h('h2', { id: 'duplicate-title', text: t('desk.dup_title') }),
        h('p', { id: 'duplicate-body', text: t('desk.dup_body', { name }) }),
        h('div', { class: 'buttons' },
          h('button', { type: 'submit', class: 'btn', value: 'cancel', id: 'dup-cancel', text: t('dialog.cancel'), autofocus: true }),
          h('button', { type: 'submit', class: 'btn', value: 'copy', id: 'dup-copy', text: t('desk.dup_copy') }),
          h('button', { type: 'submit', class: 'btn danger', value: 'replace', id: 'dup-replace', text: t('desk.dup_replace') }))));
    dialog.addEventListener('close', () => {
      const v = dialog.returnValue;
      dialog.remove();
      resolve(v === 'replace' || v === 'copy' ? v : 'cancel');
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}
