// The draft report (Appendix E) from the engine: shown in a sandboxed frame, printed (the
// browser's print, which can save a PDF) and downloaded as an HTML file.
//
// The frame loads report-frame.html, a static file of this site with its own policy that allows
// the report's inline styles; the page's own policy stays `style-src 'self'`. (A srcdoc or blob:
// frame would inherit the page's policy and lose the report's styles.) The frame is sandboxed
// without allow-same-origin, so it cannot reach the page or its storage; its only script is
// report-frame.js, which takes the report through postMessage.

import { h, fill, download } from './dom.js';
import { t } from './i18n.js';

export class ReportView {
  /**
   * @param {HTMLElement} root
   * @param {{make: () => ({verdict, html?, result?}), filename: () => string}} ctx
   */
  constructor(root, ctx) {
    this.root = root;
    this.ctx = ctx;
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
    // Only the controls are rebuilt: moving the frame in the document would reload it.
    fill(this.controls,
      h('p', { class: 'hint', text: t('report.note') }),
      h('div', { class: 'buttons' },
        h('button', { type: 'button', class: 'btn primary', id: 'report-show', onclick: () => this.show(), text: t('report.show') }),
        this.printBtn, this.downloadBtn),
      this.status);
    if (this.shown) this.show();
  }

  /** Regenerates the report (if it is being shown). */
  refresh() {
    if (this.shown) this.show();
  }

  show() {
    this.shown = true;
    let r;
    try {
      r = this.ctx.make();
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
    if (this.html) download(this.ctx.filename(), this.html, 'text/html;charset=utf-8');
  }
}
