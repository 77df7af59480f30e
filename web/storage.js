// Autosave: the entries, the answers, the language and the what-if date in this browser's
// localStorage. Nothing leaves the browser.

const KEY = 'nvcheck:v1';

/** The saved state `{doc, answers, lang, on}` or null. */
export function load() {
  try {
    return parse(window.localStorage.getItem(KEY));
  } catch {
    return null;
  }
}

function parse(raw) {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw);
    return v && typeof v === 'object' ? v : null;
  } catch {
    return null;
  }
}

let lastWritten = null;

/**
 * Saves; returns 'ok', 'full' (the browser's storage is full: QuotaExceededError) or 'refused'
 * (private mode, file://, storage turned off).
 */
export function save(state) {
  const raw = JSON.stringify(state);
  try {
    window.localStorage.setItem(KEY, raw);
    lastWritten = raw;
    return 'ok';
  } catch (err) {
    return isQuota(err) ? 'full' : 'refused';
  }
}

function isQuota(err) {
  return Boolean(err) && (err.name === 'QuotaExceededError' || err.name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    err.code === 22 || err.code === 1014);
}

export function clear() {
  try {
    window.localStorage.removeItem(KEY);
    lastWritten = null;
    return true;
  } catch {
    return false;
  }
}

/**
 * Calls `fn(saved)` when another tab of this page saves different entries (a storage event; the
 * tab that saves gets none). `saved` is what the other tab saved, or null when it cleared them.
 */
export function onOtherTab(fn) {
  window.addEventListener('storage', (ev) => {
    if (ev.storageArea !== window.localStorage || (ev.key !== KEY && ev.key !== null)) return;
    const raw = ev.key === null ? null : ev.newValue;
    if (raw !== null && raw === lastWritten) return;
    fn(parse(raw));
  });
}
