// Autosave: the entries, the language and the what-if date in this browser's localStorage.
// Nothing leaves the browser.

const KEY = 'nvcheck:v1';

/** The saved state `{doc, lang, on}` or null. */
export function load() {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return null;
    const v = JSON.parse(raw);
    return v && typeof v === 'object' ? v : null;
  } catch {
    return null;
  }
}

/** Saves; returns false when the browser refuses (private mode, quota, file://). */
export function save(state) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(state));
    return true;
  } catch {
    return false;
  }
}

export function clear() {
  try {
    window.localStorage.removeItem(KEY);
    return true;
  } catch {
    return false;
  }
}
