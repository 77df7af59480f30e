// The draft report (Appendix E) from the engine: shown in a sandboxed frame, printed (the
// browser's print, which can save a PDF) and downloaded as an HTML file.
//
// The frame loads report-frame.html, a static file of this site with its own policy that allows
// the report's inline styles and no script at all; the page's own policy stays `style-src 'self'`.
// (A srcdoc, blob: or about:blank frame would inherit the page's policy and lose the report's
// styles.) The frame is sandboxed WITHOUT allow-scripts: nothing in it ever runs, whatever the
// report holds (user text, which the engine escapes), so it cannot reach the page. The page
// writes the report into it and prints it, which needs the frame's document (allow-same-origin:
// safe without allow-scripts) and print() allowed in it (allow-modals). No script in the frame
// also means no `'self'` to match inside a sandboxed frame, which WebKit matches against the
// frame's opaque origin and so refused the frame's own script.
//
// If the frame does not become ready (its file could not be loaded, e.g. offline before it was
// ever fetched), the page says so and the download still works.

import { h, fill, download } from './dom.js';
import { t, getLang, LANGS, LANG_NAMES } from './i18n.js';
import { siteKept } from './offline.js';

// The report's language: the page's (the default, followed when the page switches), another one,
// or Table E.1's three printed forms stacked (the engine's `lang: "all"`).
export const TRILINGUAL = 'all';
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

/** True when `frame` shows report-frame.html (or the report written into it). */
function frameDocument(frame) {
  let doc = null;
  try {
    doc = frame.contentDocument;
  } catch {
    return null;  // an error page of another origin
  }
  return doc && doc.documentElement && doc.documentElement.hasAttribute('data-report-frame') ? doc : null;
}

/**
 * Replaces the frame's document by the report `html` (the engine's document). It is parsed by the
 * frame's own document, under the frame's policy: a DOMParser document would be parsed under the
 * page's, which refuses the report's inline styles. No script of it can run (the frame is
 * sandboxed without allow-scripts, and its policy has no script source).
 */
function writeReport(frame, html) {
  const doc = frameDocument(frame);
  if (!doc) return false;
  const win = frame.contentWindow;
  const y = win.scrollY;  // an update keeps the reader's place
  doc.open();
  doc.write(html);
  doc.close();
  doc.documentElement.setAttribute('data-report-frame', '');
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
    // Made once the service worker keeps the site's files (offline.js; at once where there is no
    // worker), or when the report is first shown if sooner: its file is fetched once, and the
    // report then shows offline.
    this.frame = null;
    // Resolves once the frame has loaded its file, or failed to (FRAME_WAIT_MS after it was made
    // at the latest): app.js's 'nvcheck:loaded' waits for it (present.js counts what comes after).
    this.frameSettled = new Promise((resolve) => { this.settleFrame = resolve; });
    this.controls = h('div', {});
    this.frameBox = h('div', { class: 'report-frame-box', hidden: true });
    siteKept.then(() => this.makeFrame());
    fill(this.root, this.controls, this.frameBox);
  }

  /** The frame that shows the report (once). */
  makeFrame() {
    if (this.frame) return;
    this.frame = h('iframe', {
      src: 'report-frame.html', class: 'report-frame', sandbox: 'allow-same-origin allow-modals',
      title: t('report.frame'), onload: () => this.frameLoaded(),
    });
    this.frameBox.append(this.frame);
    setTimeout(this.settleFrame, FRAME_WAIT_MS);
  }

  /** The frame loaded a document: ready if it is report-frame.html, failed otherwise. */
  frameLoaded() {
    this.settleFrame();
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
