// Clause 7.4: "check a mark code". A presented code (RRRRRR III YYYYMMDD NNNN) is checked by the
// engine's own check (check_mark_code, exported by the module) and said in the same words as
// `nvcheck mark-code`: the verdict line, the code in its four parts with the division's name, each
// problem, each note. The page decides nothing itself; only a credit institution issues codes.

import { h, fill } from './dom.js';
import { t, getLang } from './i18n.js';
import { checkMarkCode } from './engine.mjs';

export class MarkCodeBox {
  /**
   * @param {HTMLElement} root
   * @param {{rules: () => import('./rules.js').RuleData}} ctx
   */
  constructor(root, ctx) {
    this.root = root;
    this.ctx = ctx;
    this.input = h('input', {
      type: 'text', id: 'mark-code-input', inputmode: 'numeric', autocomplete: 'off', spellcheck: 'false',
      placeholder: 'RRRRRR III YYYYMMDD NNNN', maxlength: '64',
    });
    this.input.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') {
        ev.preventDefault();
        this.check();
      }
    });
    this.out = h('div', { id: 'mark-code-out', class: 'mark-code-out', role: 'status' });
    this.checked = false;
  }

  render() {
    this.label = h('label', { for: 'mark-code-input', text: t('markcode.label') });
    fill(this.root,
      h('p', { class: 'hint', text: t('markcode.hint') }),
      h('div', { class: 'mark-code-row' }, this.label, this.input,
        h('button', { type: 'button', class: 'btn', id: 'mark-code-btn', onclick: () => this.check(), text: t('markcode.check') })),
      this.out);
    // The answer follows the language, as everything the engine says.
    if (this.checked) this.check();
  }

  check() {
    const code = this.input.value;
    if (!code.trim()) {
      this.checked = false;
      fill(this.out, h('p', { text: t('markcode.empty') }));
      return;
    }
    let r;
    try {
      r = checkMarkCode(code, getLang());
    } catch (err) {
      fill(this.out, h('p', { class: 'bad', text: t('app.engine_error', { message: err.message }) }));
      return;
    }
    this.checked = true;
    const rules = this.ctx.rules();
    const verdict = rules.text(r.well_formed ? 'mark_code.well_formed' : 'mark_code.not_well_formed');
    fill(this.out,
      h('p', { class: r.well_formed ? 'good' : 'bad', dataset: { wellFormed: String(r.well_formed) } },
        h('strong', { text: `${r.well_formed ? '\u2713' : '\u2717'} ${verdict}` })),
      r.well_formed
        ? h('p', {}, h('span', { class: 'code', text: r.code }), r.division_name ? `  ${r.division_name}` : '')
        : null,
      r.problems.length ? h('ul', { class: 'problems' }, r.problems.map((p) => h('li', { text: p }))) : null,
      ...r.notes.map((n) => h('p', { class: 'muted', text: n })));
  }
}
