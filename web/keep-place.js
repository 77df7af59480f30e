// Keeps the reader's place across a change that rebuilds the page's text (a language switch):
// the element at the top of the view (under the sticky answer bar) stays where it was on screen,
// and the focused element, when it is rebuilt, is focused again.

/** The nearest element with an id, or a form control's data-path, at or above `el`. */
function anchorOf(el) {
  for (let n = el; n && n !== document.body; n = n.parentElement) {
    if (n.dataset && n.dataset.path) return { sel: `[data-path="${CSS.escape(n.dataset.path)}"]`, el: n };
    if (n.id) return { sel: `#${CSS.escape(n.id)}`, el: n };
  }
  return null;
}

/** Notes the place; returns a function that restores it after the change. */
export function keepPlace(bar) {
  const top = bar ? bar.getBoundingClientRect().bottom : 0;
  if (window.scrollY < 1) return () => {};
  const hit = document.elementFromPoint(Math.min(window.innerWidth / 2, 40), top + 12);
  const anchor = hit && anchorOf(hit);
  const focus = document.activeElement && document.activeElement !== document.body ? anchorOf(document.activeElement) : null;
  if (!anchor) return () => {};
  const before = anchor.el.getBoundingClientRect().top;
  const restore = () => {
    const el = document.querySelector(anchor.sel);
    if (!el) return;
    const moved = el.getBoundingClientRect().top - before;
    if (Math.abs(moved) >= 1) window.scrollBy(0, moved);
  };
  return () => {
    restore();
    if (focus && !focus.el.isConnected) {
      const el = document.querySelector(focus.sel);
      if (el && typeof el.focus === 'function') el.focus({ preventScroll: true });
    }
    // Records under `content-visibility: auto` take their real height once near the view.
    requestAnimationFrame(restore);
  };
}
