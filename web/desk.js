// The consultant's desk (issue 16; clause 8.8 辅导和咨询): several enterprises kept in this browser,
// each a client with its own entries, answers, what-if date and counselling notes. The store of
// the clients (storage.js keeps each under its own key); no rule logic here.
//
// The desk file (`nvcheck/desk@1`, docs/formats.md, schemas/desk.schema.json) holds several
// clients, each {enterprise: the enterprise file, notes: {enterprise, records}}: the notes are
// beside the file the engine evaluates, never in it.

import * as storage from './storage.js';

export const DESK_SCHEMA = 'nvcheck/desk@1';

export function emptyNotes() {
  return { enterprise: '', records: {} };
}

/** A client's notes, whatever was stored: {enterprise: text, records: {record id: text}}. */
export function notesOf(client) {
  const n = client && client.notes && typeof client.notes === 'object' ? client.notes : {};
  const records = {};
  if (n.records && typeof n.records === 'object' && !Array.isArray(n.records)) {
    for (const [id, text] of Object.entries(n.records)) if (typeof text === 'string' && text) records[id] = text;
  }
  return { enterprise: typeof n.enterprise === 'string' ? n.enterprise : '', records };
}

/** The client's name for people: the name given to it, else its enterprise's name, else ''. */
export function clientName(client) {
  if (!client) return '';
  if (typeof client.label === 'string' && client.label.trim()) return client.label.trim();
  const e = client.doc && client.doc.enterprise;
  return e && typeof e.name === 'string' ? e.name.trim() : '';
}

/** Every client: [{id, client}], in the desk's order (a client whose record is gone is skipped). */
export function clients() {
  const out = [];
  for (const id of storage.clientIds()) {
    const client = storage.readClient(id);
    if (client) out.push({ id, client });
  }
  return out;
}

export function current() {
  const id = storage.currentClient();
  return { id, client: storage.readClient(id) };
}

/** Adds a client (after `after`, else at the end); returns its id, or null when it could not be saved. */
export function addClient({ doc = null, answers = null, on = '', label = '', notes = emptyNotes() } = {}, after = null) {
  const id = storage.newId();
  const res = storage.writeClient(id, { doc, answers, on, label, notes, changed: new Date().toISOString() });
  if (res !== 'ok') return null;
  storage.updateDesk((d) => {
    const i = after ? d.clients.indexOf(after) : -1;
    if (i >= 0) d.clients.splice(i + 1, 0, id);
    else d.clients.push(id);
  });
  return id;
}

/** Changes a client's stored record with `fn(client)`; 'ok', 'full' or 'refused'. */
export function updateClient(id, fn, { touch = true } = {}) {
  const client = storage.readClient(id);
  if (!client) return 'refused';
  fn(client);
  if (touch) client.changed = new Date().toISOString();
  return storage.writeClient(id, client);
}

export function rename(id, label) {
  return updateClient(id, (c) => { c.label = String(label || '').trim(); });
}

/** A copy of the client, placed after it: its id. */
export function duplicate(id, copyLabel) {
  const c = storage.readClient(id);
  if (!c) return null;
  return addClient({ ...JSON.parse(JSON.stringify(c)), label: copyLabel }, id);
}

/** Deletes a client; returns what undo() needs: {id, client, index}. */
export function remove(id) {
  const client = storage.readClient(id);
  const index = storage.clientIds().indexOf(id);
  storage.removeClient(id);
  storage.updateDesk((d) => { d.clients = d.clients.filter((x) => x !== id); });
  return { id, client, index };
}

/** Puts a deleted client back where it was. */
export function restore({ id, client, index }) {
  if (!client) return false;
  if (storage.writeClient(id, client) !== 'ok') return false;
  storage.updateDesk((d) => {
    if (d.clients.includes(id)) return;
    d.clients.splice(Math.max(0, Math.min(index, d.clients.length)), 0, id);
  });
  return true;
}

/** The clients whose enterprise has the same ID code (or, without one, the same name) as `doc`. */
export function sameEnterprise(doc) {
  const e = (doc && doc.enterprise) || {};
  const code = typeof e.id_code === 'string' ? e.id_code.trim() : '';
  const name = typeof e.name === 'string' ? e.name.trim() : '';
  if (!code && !name) return [];
  return clients().filter(({ client }) => {
    const o = (client.doc && client.doc.enterprise) || {};
    const oc = typeof o.id_code === 'string' ? o.id_code.trim() : '';
    return code ? oc === code : !oc && typeof o.name === 'string' && o.name.trim() === name;
  });
}

/** Desk-wide settings: the consultant's name and whether reports print the notes. */
export function settings() {
  const d = storage.readDesk() || {};
  return { consultant: typeof d.consultant === 'string' ? d.consultant : '', includeNotes: d.includeNotes === true };
}

export function setSettings(patch) {
  return storage.updateDesk((d) => Object.assign(d, patch));
}

/**
 * The report's options for the client's notes (the engine's `consultant`, `notes`,
 * `record_notes`: printed escaped in the counselling section), or {} when not asked for. The
 * consultant is named whenever one is entered.
 */
export function reportOptions(id, doc) {
  const s = settings();
  const out = {};
  if (s.consultant.trim()) out.consultant = s.consultant.trim();
  if (!s.includeNotes) return out;
  const n = notesOf(storage.readClient(id));
  if (n.enterprise.trim()) out.notes = n.enterprise;
  const ids = new Set();
  for (const list of Object.values((doc && doc.records) || {})) {
    if (Array.isArray(list)) for (const r of list) if (r && typeof r.id === 'string') ids.add(r.id);
  }
  const records = {};
  for (const [rid, text] of Object.entries(n.records)) if (ids.has(rid) && text.trim()) records[rid] = text;
  if (Object.keys(records).length) out.record_notes = records;
  return out;
}

/** The desk file: every client's enterprise file (made by `toFile`) and notes. */
export function deskFile(toFile, exportedOn) {
  const s = settings();
  const out = { schema: DESK_SCHEMA, exported_on: exportedOn };
  if (s.consultant.trim()) out.consultant = s.consultant.trim();
  out.clients = clients().map(({ client }) => {
    const c = { enterprise: toFile(client) };
    const label = typeof client.label === 'string' ? client.label.trim() : '';
    if (label) c.label = label;
    c.notes = notesOf(client);
    return c;
  });
  return out;
}

/**
 * A file's name: `nvcheck-NAME-DATE.EXT` with the name in safe characters (letters and digits of
 * any script, Chinese kept; runs of anything else as one "-", at most 60 characters).
 */
export function fileName(kind, name, date, ext) {
  const safe = String(name || '').normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  const cut = Array.from(safe).slice(0, 60).join('').replace(/-+$/, '');
  const day = /^\d{4}-\d{2}-\d{2}$/.test(String(date)) ? date : 'undated';
  return `nvcheck-${kind ? kind + '-' : ''}${cut || 'enterprise'}-${day}.${ext}`;
}
