// Autosave: the consultant's desk (several clients, issue 16) in this browser's localStorage.
// Nothing leaves the browser.
//
//   nvcheck:desk          {clients: [id, ...], current: id, lang, consultant, includeNotes}
//   nvcheck:client:ID     {doc, answers, on, label, notes: {enterprise, records: {id: text}}, changed}
//
// Each client has its own key, so two tabs on two clients never write over each other, and a
// second tab's change is noticed per client (onOtherTab). The desk's list is read again before
// every write and changed in place (read-modify-write), so a client added in another tab stays.
// The page's one saved enterprise of before (nvcheck:v1) becomes the first client.

const OLD_KEY = 'nvcheck:v1';
const DESK_KEY = 'nvcheck:desk';
const PREFIX = 'nvcheck:client:';
const clientKey = (id) => PREFIX + id;

let currentId = null;       // the client open in this tab
const lastWritten = new Map();  // key -> the text this tab last wrote (its own storage events are not news)

function store() {
  return window.localStorage;
}

function parse(raw) {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw);
    return v && typeof v === 'object' && !Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}

function isQuota(err) {
  return Boolean(err) && (err.name === 'QuotaExceededError' || err.name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    err.code === 22 || err.code === 1014);
}

// Each client's name as stored (its label and its enterprise's name), noted as it is written or
// read, forgotten when another tab writes: the answer bar shows the open client's name after every
// evaluation, and reading back (parsing) a 400-record client for it was ~3 ms each time (issue 13).
const names = new Map();  // client key -> {label, name}

function noteName(key, value) {
  if (!key.startsWith(PREFIX)) return;
  const e = value && value.doc && value.doc.enterprise;
  names.set(key, value ? { label: value.label, name: e ? e.name : undefined } : null);
}

/** Writes `value` as JSON under `key`: 'ok', 'full' or 'refused'. */
function write(key, value) {
  return writeText(key, JSON.stringify(value), value);
}

/** Writes `raw`, the JSON text of `value` (or of a record named as `value` is), under `key`. */
function writeText(key, raw, value) {
  try {
    store().setItem(key, raw);
    lastWritten.set(key, raw);
    noteName(key, value);
    return 'ok';
  } catch (err) {
    return isQuota(err) ? 'full' : 'refused';
  }
}

function read(key) {
  try {
    const value = parse(store().getItem(key));
    noteName(key, value);
    return value;
  } catch {
    return null;
  }
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (ev) => {
    if (ev.key === null) names.clear();
    else names.delete(ev.key);
  });
}

/** A new client id: time and chance, never one in use. */
export function newId() {
  let id;
  do id = Date.now().toString(36) + Math.random().toString(36).slice(2, 7);
  while (read(clientKey(id)));
  return id;
}

/** The desk's index as stored (a fresh read), migrated from the one-enterprise page if needed. */
export function readDesk() {
  flush();
  const d = read(DESK_KEY);
  if (d && Array.isArray(d.clients)) {
    d.clients = d.clients.filter((id) => typeof id === 'string');
    return d;
  }
  return null;
}

/** Changes the index with `fn(index)` on a fresh read, and writes it. */
export function updateDesk(fn) {
  flush();
  const d = readDesk() || { clients: [] };
  fn(d);
  return write(DESK_KEY, d);
}

/**
 * Opens the desk: the index, created on first use. The page's saved enterprise of before
 * (nvcheck:v1) becomes the first client, with its answers, language and what-if date.
 */
function openDesk() {
  let d = readDesk();
  if (d && d.clients.length) return d;
  const old = read(OLD_KEY);
  const id = newId();
  const client = old && old.doc && typeof old.doc === 'object'
    ? { doc: old.doc, answers: old.answers, on: typeof old.on === 'string' ? old.on : '' }
    : { doc: null, answers: null, on: '' };
  client.notes = { enterprise: '', records: {} };
  client.changed = new Date().toISOString();
  if (write(clientKey(id), client) !== 'ok') return { clients: [], lang: old && old.lang };
  d = { ...(d || {}), clients: [id], current: id, lang: (d && d.lang) || (old && old.lang) };
  if (write(DESK_KEY, d) === 'ok' && old) {
    try { store().removeItem(OLD_KEY); } catch { /* kept: migrated again next time, harmlessly */ }
  }
  return d;
}

/** The ids of the clients, in the desk's order. */
export function clientIds() {
  flush();
  const d = readDesk();
  return d ? d.clients : [];
}

/** A client's stored record, or null. */
export function readClient(id) {
  flush();
  return id ? read(clientKey(id)) : null;
}

/**
 * What a client's stored record says of its name, `{label, doc: {enterprise: {name}}}` (as
 * desk.clientName reads it), or null: without reading the record again when this tab wrote or
 * read it last.
 */
export function readClientName(id) {
  flush();
  if (!id) return null;
  const key = clientKey(id);
  if (!names.has(key)) read(key);
  const n = names.get(key);
  return n ? { label: n.label, doc: { enterprise: { name: n.name } } } : null;
}

export function writeClient(id, client) {
  flush();
  return write(clientKey(id), client);
}

export function removeClient(id) {
  flush();
  try {
    store().removeItem(clientKey(id));
  } catch { /* nothing to remove */ }
  lastWritten.delete(clientKey(id));
  names.delete(clientKey(id));
}

export function currentClient() {
  flush();
  return currentId;
}

/** Makes `id` the client open in this tab (and the one a reload opens). */
export function setCurrent(id) {
  flush();
  currentId = id;
  updateDesk((d) => { d.current = id; });
}

/** The saved state of the open client `{doc, answers, lang, on}` or null. */
export function load() {
  flush();
  try {
    const d = openDesk();
    currentId = d.clients.includes(d.current) ? d.current : d.clients[0] || null;
    const c = readClient(currentId);
    if (!c) return d.lang ? { lang: d.lang } : null;
    return { doc: c.doc, answers: c.answers, lang: d.lang, on: c.on };
  } catch {
    return null;
  }
}

/**
 * Saves the open client's entries (its notes and name are kept); returns 'ok', 'full' (the
 * browser's storage is full: QuotaExceededError) or 'refused' (private mode, file://, storage off).
 */
export function save(state) {
  cancelPending();
  if (!currentId) {
    try {
      if (!openDesk().clients.length) return 'refused';
      currentId = readDesk().current || readDesk().clients[0];
    } catch {
      return 'refused';
    }
  }
  const res = saveEntries(clientKey(currentId), state);
  if (res !== 'ok') return res;
  const d = readDesk();
  if (d && d.lang === state.lang && d.clients.includes(currentId)) return 'ok';
  return updateDesk((x) => {
    x.lang = state.lang;
    if (!x.clients.includes(currentId)) x.clients.push(currentId);
  });
}

// The client record this tab wrote last, as text and in parts: the next save of the same client
// (after every edit) needs neither to read it back (JSON.parse of a 400-record client) nor to
// write its entries as JSON three times (to compare the old and the new, then to store them),
// while the text stored is still the one written here (issue 13).
const own = new Map();  // client key -> {raw, rest, parts}
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (ev) => {
    if (ev.key === null) own.clear();
    else own.delete(ev.key);
  });
}

/** The entries of `state` saved into the client record under `key`, its other parts kept. */
function saveEntries(key, state) {
  const parts = [state.doc, state.answers, state.on || ''].map((v) => JSON.stringify(v ?? null));
  const mine = own.get(key);
  // Stored as this tab wrote it when nothing wrote it since: this tab's other writes change
  // lastWritten, another tab's forget `own` (below). Else read back (a 400-record client's text
  // read back after every edit was ~1 ms, issue 13).
  const known = Boolean(mine) && lastWritten.get(key) === mine.raw;
  let raw = null;
  if (!known) {
    try {
      raw = store().getItem(key);
    } catch { /* read as missing */ }
  }
  let rest;
  let same;
  if (mine && (known || (raw !== null && raw === mine.raw))) {
    rest = mine.rest;
    same = parts.every((p, i) => p === mine.parts[i]);
  } else {
    const old = parse(raw) || { notes: { enterprise: '', records: {} } };
    same = [old.doc, old.answers, old.on || ''].every((v, i) => JSON.stringify(v ?? null) === parts[i]);
    rest = { ...old };
    delete rest.doc;
    delete rest.answers;
    delete rest.on;
  }
  rest = { ...rest, changed: same && rest.changed ? rest.changed : new Date().toISOString() };
  const head = JSON.stringify(rest);
  const text = `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"doc":${parts[0]},"answers":${parts[1]},"on":${parts[2]}}`;
  const res = writeText(key, text, { label: rest.label, doc: state.doc });
  if (res === 'ok') own.set(key, { raw: text, rest, parts });
  else own.delete(key);
  return res;
}

// A save asked for after an edit (saveSoon) is written in a task of its own (issue 13: an edit of
// a 400-record enterprise must be cheap; a save reads, compares and writes the whole client), and
// before anything else reads or writes this browser's storage, and when the page is hidden or left.
let pending = null;       // {state: () => the entries to save, done: (result) => void}
let pendingTimer = null;

function cancelPending() {
  clearTimeout(pendingTimer);
  pendingTimer = null;
  const p = pending;
  pending = null;
  return p;
}

/**
 * Saves the open client's entries soon: `state()` gives them then (the latest), `done(result)` is
 * told save()'s result. A later call replaces a save not written yet.
 */
export function saveSoon(state, done) {
  pending = { state, done };
  if (pendingTimer === null) pendingTimer = setTimeout(flush, 0);
}

/** Writes a save asked for with saveSoon now, if there is one. */
export function flush() {
  const p = cancelPending();
  if (!p) return;
  const entries = p.state();
  if (entries) p.done(save(entries));
}

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flush(); });
}

/** Forgets the open client's entries (its notes and name stay). */
export function clear() {
  flush();
  const old = readClient(currentId);
  if (!old) return true;
  return write(clientKey(currentId), { ...old, doc: null, answers: null, on: '', changed: new Date().toISOString() }) === 'ok';
}

/**
 * Calls `fn(saved)` when another tab of this page saves different entries for the client open
 * here (a storage event; the tab that saves gets none). `saved` is what the other tab saved, or
 * null when it cleared them.
 */
export function onOtherTab(fn) {
  window.addEventListener('storage', (ev) => {
    if (ev.storageArea !== window.localStorage) return;
    if (ev.key !== null && ev.key !== clientKey(currentId)) return;
    const raw = ev.key === null ? null : ev.newValue;
    if (raw !== null && raw === lastWritten.get(ev.key)) return;
    const saved = parse(raw);
    const old = parse(lastWritten.get(clientKey(currentId)) || null);
    // Notes or a new name are not entries: the desk shows them; the form has nothing to offer.
    if (saved && old && JSON.stringify([saved.doc, saved.answers, saved.on || '']) === JSON.stringify([old.doc, old.answers, old.on || ''])) {
      lastWritten.set(ev.key, raw);
      return;
    }
    fn(saved && saved.doc ? { doc: saved.doc, answers: saved.answers, on: saved.on } : null);
  });
}

/** Calls `fn()` when another tab changes the desk: its list or any client. */
export function onDeskChange(fn) {
  window.addEventListener('storage', (ev) => {
    if (ev.storageArea !== window.localStorage) return;
    if (ev.key !== null && ev.key !== DESK_KEY && !ev.key.startsWith(PREFIX)) return;
    fn();
  });
}

/** The key a client is stored under (for tests and the desk's second-tab notice). */
export { clientKey, DESK_KEY };
