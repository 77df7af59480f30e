// The draft report (Appendix E) from the engine: shown in a sandboxed frame, printed (the
// browser's print, which can save a PDF) and downloaded as an HTML file.
//
// The frame loads report-frame.html, a static file of this site with its own policy that allows
// the report's inline styles; the page's own policy stays `style-src 'self'`. (A srcdoc or blob:
// frame would inherit the page's policy and lose the report's styles.) The frame is sandboxed
// without allow-same-origin, so it cannot reach the page or its storage; its only script is
// report-frame.js, which takes the report through postMessage.

import { h, fill, download } from './dom.js';
import { t, getLang, LANGS, LANG_NAMES } from './i18n.js';

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
    this.shown = false;
    // Made at once, so the frame's two files are loaded with the page (it then works offline).
    this.frame = h('iframe', {
      src: 'report-frame.html', class: 'report-frame', sandbox: 'allow-scripts allow-modals',
    });
    this.controls = h('div', {});
    this.frameBox = h('div', { class: 'report-frame-box', hidden: true }, this.frame);
    fill(this.root, this.controls, this.frameBox);
    window.addEventListener('message', (ev) => {
      if (!this.frame || ev.source !== this.frame.contentWindow) return;
      if (ev.data && ev.data.type === 'ready') {
        this.frameReady = true;
        this.post();
      }
    });
  }

  render() {
    this.status = h('p', { class: 'muted report-status', role: 'status' });
    this.printBtn = h('button', { type: 'button', class: 'btn', disabled: true, onclick: () => this.print(), text: t('report.print') });
    this.downloadBtn = h('button', { type: 'button', class: 'btn', disabled: true, onclick: () => this.download(), text: t('report.download') });
    this.frame.title = t('report.frame');
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
    let r;
    try {
      r = this.ctx.make(this.reportLang());
    } catch (err) {
      this.fail(t('app.engine_error', { message: err.message }));
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
    this.status.textContent = '';
    this.printBtn.disabled = false;
    this.downloadBtn.disabled = false;
    this.frameBox.hidden = false;
    this.post();
  }

  fail(message) {
    this.html = null;
    this.status.textContent = message;
    this.printBtn.disabled = true;
    this.downloadBtn.disabled = true;
    this.frameBox.hidden = true;
  }

  post() {
    if (this.frameReady && this.html !== null && this.frame && this.frame.contentWindow) {
      // The sandboxed frame has an opaque origin, so no target origin can name it.
      this.frame.contentWindow.postMessage({ type: 'report', html: this.html }, '*');
    }
  }

  print() {
    if (this.frame && this.frame.contentWindow && this.frameReady) {
      this.frame.contentWindow.postMessage({ type: 'print' }, '*');
    }
  }

  download() {
    if (this.html) download(reportFileName(this.ctx.name(), this.ctx.date(), this.reportLang()), this.html, 'text/html;charset=utf-8');
  }
}
