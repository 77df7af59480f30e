// The draft report (Appendix E) from the engine: shown in a sandboxed frame, printed (the
// browser's print, which can save a PDF) and downloaded as an HTML file.
//
// The frame is an empty one (no file: nothing to fetch, online or offline, in any engine),
// sandboxed WITHOUT allow-scripts: nothing in it ever runs, whatever the report holds (user text,
// which the engine escapes), so it cannot reach the page. The page writes the report into it and
// prints it, which needs the frame's document (allow-same-origin: safe without allow-scripts) and
// print() allowed in it (allow-modals). An empty frame has the page's policy (`style-src 'self'`),
// which refuses the report's inline <style>: the page takes the style sheet's text out of the
// report and gives it to the frame's document as a constructed style sheet (adoptedStyleSheets),
// which a policy does not govern. (A frame of a file of our own with a policy of its own did not
// work everywhere: WebKit matches `'self'` in a sandboxed frame against its opaque origin, and
// WebKitGTK asks the network, never the service worker, for a frame's file, so after an offline
// reload it could not load.) The downloaded file is the engine's document as it is.
//
// If the frame cannot show the report (it never became ready, or the browser has no constructed
// style sheets), the page says so and the download still works.

import { h, fill, download } from './dom.js';
import { t, getLang, LANGS, LANG_NAMES } from './i18n.js';

// The report's language: the page's (the default, followed when the page switches), another one,
// or Table E.1's three printed forms stacked (the engine's `lang: "all"`).
const TRILINGUAL = 'all';
const TRILINGUAL_NAME = '三语 · 三語 · Trilingual';

/**
 * The download's file name: the enterprise's name in safe characters (letters and digits of any
 * script, runs of anything else as one "-", at most 60 characters), the date and the language.
 */
export function reportFileName(name, date, lang) {
  const safe = String(name || '').normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  const cut = Array.from(safe).slice(0, 60).join('').replace(/-+$/, '');
  const day = /^\d{4}-\d{2}-\d{2}$/.test(String(date)) ? date : 'undated';
  return `nvcheck-report-${cut || 'enterprise'}-${day}-${lang}.html`;
}

// How long show() waits for a frame that has not loaded before it says the preview failed.
const FRAME_WAIT_MS = 10000;

/** The frame's document once it has loaded (the empty document it starts with), else null. */
function frameDocument(frame) {
  let doc = null;
  try {
    doc = frame.contentDocument;
  } catch {
    return null;
  }
  return doc && doc.readyState === 'complete' && doc.documentElement ? doc : null;
}

/**
 * Replaces the frame's document by the report `html` (the engine's document): its elements
 * without the <style>, whose text becomes the document's constructed style sheet. Parsed by a
 * DOMParser (an inert document: nothing in it loads or runs), then imported into a document the
 * frame's own `document.write` put in standards mode. No script of it can run (the frame is
 * sandboxed without allow-scripts). False if this browser cannot.
 */
function writeReport(frame, html) {
  const doc = frameDocument(frame);
  const win = frame.contentWindow;
  if (!doc || !win || typeof win.CSSStyleSheet !== 'function' || !('adoptedStyleSheets' in doc)) return false;
  // The engine's <style> elements, taken out of the text before it is parsed: Chromium checks a
  // DOMParser document's <style> against the page's policy (a violation report for each).
  const sheets = [];
  const body = html.replace(/<style>([\s\S]*?)<\/style>/g, (_, css) => {
    sheets.push(css);
    return '';
  });
  const parsed = new DOMParser().parseFromString(body, 'text/html');
  for (const el of parsed.querySelectorAll('style, script, link, meta[http-equiv]')) el.remove();
  const css = sheets.join('\n');
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(css);
  const y = win.scrollY;  // an update keeps the reader's place
  doc.open();
  doc.write('<!DOCTYPE html><html><head></head><body></body></html>');
  doc.close();
  doc.replaceChild(doc.importNode(parsed.documentElement, true), doc.documentElement);
  doc.adoptedStyleSheets = [sheet];
  doc.documentElement.setAttribute('data-report', '');
  win.scrollTo(0, y);
  return true;
}

export class ReportView {
  /**
   * @param {HTMLElement} root
   * @param {{make: (lang: string) => ({verdict, html?, result?}), name: () => string, date: () => string}} ctx
   */
  constructor(root, ctx) {
    this.root = root;
    this.ctx = ctx;
    this.lang = null;  // null: the page's language
    this.html = null;
    this.frameReady = false;
    this.frameFailed = false;
    this.waitTimer = null;
    this.writing = false;
    this.shown = false;
    // Made when the report is first shown (an empty frame: no request).
    this.frame = null;
    this.controls = h('div', {});
    this.frameBox = h('div', { class: 'report-frame-box', hidden: true });
    fill(this.root, this.controls, this.frameBox);
  }

  /** The frame that shows the report (once). */
  makeFrame() {
    if (this.frame) return;
    this.frame = h('iframe', {
      class: 'report-frame', sandbox: 'allow-same-origin allow-modals',
      title: t('report.frame'), onload: () => this.frameLoaded(),
    });
    this.frameBox.append(this.frame);
  }

  /** The frame loaded its empty document (ready), or the report written into it. */
  frameLoaded() {
    const doc = frameDocument(this.frame);
    // Writing the report fires a load event too (within close() in WebKit, later in others).
    if (this.writing || (doc && doc.documentElement.hasAttribute('data-report'))) return;
    this.frameReady = doc !== null;
    this.frameFailed = !this.frameReady;
    clearTimeout(this.waitTimer);
    this.waitTimer = null;
    if (this.html !== null) this.update();
  }

  render() {
    this.status = h('p', { class: 'muted report-status', role: 'status' });
    this.printBtn = h('button', { type: 'button', class: 'btn', disabled: true, onclick: () => this.print(), text: t('report.print') });
    this.downloadBtn = h('button', { type: 'button', class: 'btn', disabled: true, onclick: () => this.download(), text: t('report.download') });
    if (this.frame) this.frame.title = t('report.frame');
    this.langSelect = h('select', { id: 'report-lang', onchange: () => this.chooseLang() },
      ...[...LANGS, TRILINGUAL].map((code) => h('option', {
        value: code, text: code === TRILINGUAL ? TRILINGUAL_NAME : LANG_NAMES[code], selected: code === this.reportLang(),
      })));
    // Only the controls are rebuilt: moving the frame in the document would reload it.
    fill(this.controls,
      h('p', { class: 'hint', text: t('report.note') }),
      h('label', { class: 'report-lang' }, t('report.lang'), ' ', this.langSelect),
      h('div', { class: 'buttons' },
        h('button', { type: 'button', class: 'btn primary', id: 'report-show', onclick: () => this.show(), text: t('report.show') }),
        this.printBtn, this.downloadBtn),
      this.status);
    if (this.shown) this.show();
  }

  /** The language the report is made in. */
  reportLang() {
    return this.lang || getLang();
  }

  chooseLang() {
    const v = this.langSelect.value;
    this.lang = v === getLang() ? null : v;
    this.refresh();
  }

  /** Regenerates the report (if it is being shown). */
  refresh() {
    if (this.shown) this.show();
  }

  show() {
    this.shown = true;
    this.makeFrame();
    let r;
    try {
      r = this.ctx.make(this.reportLang());
    } catch (err) {
      this.fail(t('app.engine_error', { message: err.message }));
      return;
    }
    if (r.verdict === 'unanswered') {
      this.fail(t('report.unanswered'));
      return;
    }
    if (r.verdict === 'invalid') {
      this.fail(t('report.invalid'));
      return;
    }
    if (!r.html) {
      this.fail(t('report.empty'));
      return;
    }
    this.html = r.html;
    this.downloadBtn.disabled = false;
    this.update();
  }

  /** Writes the report into the frame, or says the preview failed (the download still works). */
  update() {
    this.writing = true;
    let written = false;
    try {
      written = this.frameReady && writeReport(this.frame, this.html);
    } catch {
      written = false;  // this browser could not: said below, the download still works
    } finally {
      this.writing = false;
    }
    if (!written && this.frameReady) {
      this.frameReady = false;
      this.frameFailed = true;
    }
    this.frameBox.hidden = !written;
    this.printBtn.disabled = !written;
    this.status.textContent = this.frameFailed ? t('report.frame_failed') : '';
    if (!written && !this.frameFailed && this.waitTimer === null) {
      this.waitTimer = setTimeout(() => {
        this.waitTimer = null;
        if (this.frameReady) return;
        this.frameFailed = true;
        if (this.html !== null) this.update();
      }, FRAME_WAIT_MS);
    }
  }

  fail(message) {
    this.html = null;
    this.status.textContent = message;
    this.printBtn.disabled = true;
    this.downloadBtn.disabled = true;
    this.frameBox.hidden = true;
  }

  /** The browser's print of the frame (it can save a PDF): the report alone, not the page. */
  print() {
    const win = this.frameReady ? this.frame.contentWindow : null;
    if (win) win.print();
  }

  download() {
    if (this.html) download(reportFileName(this.ctx.name(), this.ctx.date(), this.reportLang()), this.html, 'text/html;charset=utf-8');
  }
}
