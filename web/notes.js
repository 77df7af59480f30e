// Counselling notes (clause 8.8, 辅导和咨询): free text per client and per record, and the
// consultant's name. Kept in the client's data beside the enterprise file, never in it and never
// evaluated; shown only as text (textContent, textarea values). The report prints them, escaped by
// the engine, in its counselling section when "include notes" is ticked (desk.reportOptions).

import { h, fill } from './dom.js';
import { t } from './i18n.js';
import * as desk from './desk.js';
import * as storage from './storage.js';

export class NotesView {
  /**
   * @param {HTMLElement} root
   * @param {{rules: () => object, doc: () => object, region: () => string, reportChanged: () => void}} ctx
   */
  constructor(root, ctx) {
    this.root = root;
    this.ctx = ctx;
    this.shape = '';
    this.timer = null;
  }

  /** Saves a change of a note a moment after typing stops (and at once when the field is left). */
  saveSoon(fn) {
    this.pending = fn;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), 300);
  }

  flush() {
    clearTimeout(this.timer);
    const fn = this.pending;
    this.pending = null;
    if (!fn) return;
    const res = fn();
    const el = document.getElementById('notes-save-state');
    if (el) {
      el.textContent = res === 'ok' ? t('saved') : res === 'full' ? t('storage.full_short') : t('not_saved');
      el.classList.toggle('warn', res !== 'ok');
    }
    this.ctx.reportChanged();
  }

  /** The records of the open client, named by what they are: [{id, label}]. */
  records() {
    const rules = this.ctx.rules();
    const doc = this.ctx.doc();
    const out = [];
    for (const ind of rules.indicators) {
      const list = (doc.records && doc.records[ind.records]) || [];
      list.forEach((r, i) => {
        if (!r || typeof r.id !== 'string' || !r.id) return;
        const what = [r.cause, r.matter, r.authority, r.court].find((v) => typeof v === 'string' && v.trim());
        out.push({
          id: r.id,
          label: `${ind.clause} ${rules.indicatorName(ind, this.ctx.region())} · ${t('notes.record_n', { n: i + 1 })}${what ? ` · ${what.trim()}` : ''}`,
        });
      });
    }
    return out;
  }

  /** How many records can have a note (those with an id), without naming them. */
  recordCount() {
    const doc = this.ctx.doc();
    let n = 0;
    for (const ind of this.ctx.rules().indicators) {
      for (const r of (doc.records && doc.records[ind.records]) || []) if (r && typeof r.id === 'string' && r.id) n += 1;
    }
    return n;
  }

  render() {
    this.flush();
    const id = storage.currentClient();
    const client = storage.readClient(id);
    const notes = desk.notesOf(client);
    const s = desk.settings();
    const count = this.recordCount();
    this.client = id;
    this.fieldsShape = null;
    const consultant = h('input', {
      type: 'text', id: 'notes-consultant', value: s.consultant, maxlength: '200', autocomplete: 'name',
      oninput: () => this.saveSoon(() => desk.setSettings({ consultant: consultant.value })),
      onchange: () => this.flush(),
    });
    const include = h('input', {
      type: 'checkbox', id: 'notes-include', checked: s.includeNotes,
      onchange: () => { this.pending = () => desk.setSettings({ includeNotes: include.checked }); this.flush(); },
    });
    const main = h('textarea', {
      id: 'notes-enterprise', rows: '4', value: notes.enterprise,
      oninput: () => this.saveSoon(() => desk.updateClient(id, (c) => { c.notes = { ...desk.notesOf(c), enterprise: main.value }; }, { touch: false })),
      onchange: () => this.flush(),
    });
    main.value = notes.enterprise;
    // One field per record, built when the list is opened (issue 13: adding or removing a record
    // of a 400-record enterprise made 400 labelled fields again); open from the start when the
    // client has notes on records.
    const records = count ? h('details', {
      class: 'record-notes', open: Object.keys(notes.records).length > 0,
      ontoggle: () => { if (records.open) this.fillRecords(records); },
    }, h('summary', { text: t('notes.records', { n: count }) })) : null;
    fill(this.root,
      h('h3', { id: 'notes-title', text: t('notes.title') }),
      h('p', { class: 'hint', text: t('notes.hint') }),
      h('div', { class: 'field' }, h('label', { for: 'notes-consultant', text: t('notes.consultant') }), consultant),
      h('div', { class: 'field' }, h('label', { for: 'notes-enterprise', text: t('notes.enterprise') }), main),
      records,
      h('p', { class: 'check' }, include, ' ', h('label', { for: 'notes-include', text: t('notes.include') })),
      h('p', { class: 'save-state', id: 'notes-save-state' }));
    if (records && records.open) this.fillRecords(records);
  }

  /** The open list's field per record, made again when the records changed. */
  fillRecords(details) {
    const id = this.client;
    const recs = this.records();
    const shape = JSON.stringify([id, recs]);
    if (shape === this.fieldsShape) return;
    this.flush();
    this.fieldsShape = shape;
    const notes = desk.notesOf(storage.readClient(id));
    details.replaceChildren(details.querySelector(':scope > summary'), ...recs.map((r, i) => {
      const area = h('textarea', {
        id: `notes-record-${i}`, rows: '2', dataset: { record: r.id },
        oninput: () => this.saveSoon(() => desk.updateClient(id, (c) => {
          const n = desk.notesOf(c);
          if (area.value) n.records[r.id] = area.value;
          else delete n.records[r.id];
          c.notes = n;
        }, { touch: false })),
        onchange: () => this.flush(),
      });
      area.value = notes.records[r.id] || '';
      return h('div', { class: 'field' }, h('label', { for: `notes-record-${i}`, text: r.label }), area);
    }));
  }

  /**
   * Drawn again when the client or its records changed (not while a note is being typed); the
   * records' fields only while their list is open (else when it is opened).
   */
  refresh() {
    const details = this.root.querySelector('details.record-notes');
    const count = this.recordCount();
    const typing = this.root.contains(document.activeElement) && document.activeElement.tagName === 'TEXTAREA';
    if (storage.currentClient() !== this.client || !details !== !count) {
      if (!typing || storage.currentClient() !== this.client) this.render();
      return;
    }
    if (!details) return;
    const summary = details.querySelector(':scope > summary');
    const text = t('notes.records', { n: count });
    if (summary.textContent !== text) summary.textContent = text;
    if (!details.open) {
      this.fieldsShape = null;
      return;
    }
    if (!typing) this.fillRecords(details);
  }
}
