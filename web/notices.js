// The notice under the answer bar (an import, a sample, a refused file, with undo or actions).

import { h, fill } from './dom.js';
import { t } from './i18n.js';
import { $, state } from './page-state.js';

export function notify(notice) {
  state.notice = notice;
  renderNotice();
}

export function renderNotice() {
  const box = $('notices');
  const n = state.notice;
  if (!n) {
    fill(box);
    return;
  }
  fill(box, h('div', { class: `notice tone-${n.tone}`, dataset: { kind: n.kind || '' } },
    h('div', { class: 'notice-body' }, n.render()),
    h('div', { class: 'buttons' },
      (n.actions || []).map((a) => h('button', { type: 'button', class: 'btn', id: a.id, onclick: a.onclick, text: a.text })),
      n.undo ? h('button', {
        type: 'button', class: 'btn', onclick: () => { n.undo(); }, text: t('undo'),
      }) : null,
      n.sticky ? null : h('button', {
        type: 'button', class: 'btn-small', 'aria-label': t('dismiss'), text: '×',
        onclick: () => { state.notice = null; renderNotice(); },
      }))));
}
