// Keeps the reader's place across a change that rebuilds the page's text (a language switch):
// the element at the top of the view (under the sticky answer bar) stays where it was on screen,
// and the focused element, when it is rebuilt, is focused again.

/** The nearest element with an id, or else a data-path (with its tag: a section and its add
 *  button share the path), at or above `el`. */
function anchorOf(el) {
  for (let n = el; n && n !== document.body; n = n.parentElement) {
    if (n.id) return { sel: `#${CSS.escape(n.id)}`, el: n };
    if (n.dataset && n.dataset.path) return { sel: `${n.localName}[data-path="${CSS.escape(n.dataset.path)}"]`, el: n };
  }
  return null;
}

/** Notes the place; returns a function that restores it after the change. */
export function keepPlace(bar) {
  const top = bar ? bar.getBoundingClientRect().bottom : 0;
  if (window.scrollY < 1) return () => {};
  // The named element that starts nearest the top of the view, of those at a few points under
  // the bar (one may fall in a gap between two parts, whose nearest name is the whole section).
  let anchor = null;
  let best = Infinity;
  for (const dy of [12, 48, 96, 160]) {
    const hit = document.elementFromPoint(Math.min(window.innerWidth / 2, 40), top + dy);
    const a = hit && anchorOf(hit);
    const d = a ? Math.abs(a.el.getBoundingClientRect().top - top) : Infinity;
    if (d < best) {
      anchor = a;
      best = d;
    }
  }
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
    // Records under `content-visibility: auto` take their real height once near the view, after
    // the frame that brought them there: the place is put back for a few frames.
    let frames = 4;
    const again = () => {
      restore();
      if ((frames -= 1) > 0) requestAnimationFrame(again);
    };
    requestAnimationFrame(again);
  };
}
