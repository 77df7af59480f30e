// Builds the page's views once the first verdict is shown: the entry form, the report, the mark
// code box, the desk and the notes; then asks for the demo samples and mounts the guided tour
// (with what it may read and do).

import * as model from './model.js';
import * as storage from './storage.js';
import { Answers } from './answers.js';
import { EntryForm } from './forms.js';
import { ReportView } from './report-view.js';
import { preloadStandard } from './standard-view.js';
import { MarkCodeBox } from './mark-code.js';
import { mountTour } from './tour.js';
import * as desk from './desk.js';
import { DeskView } from './desk-view.js';
import { NotesView } from './notes.js';
import { changed, evaluateNow, reportOf, evaluateText, planText, answerPending, openAnswer } from './evaluation.js';
import { exportDesk } from './files.js';
import { notify, renderNotice } from './notices.js';
import { $, state, views } from './page-state.js';
import { region, restReady, renderPill } from './result-render.js';
import { fetchSampleText, samplesListed, fetchSamples } from './samples.js';
import { persist, openClient } from './saved-entries.js';
import { renderWhatIfDate } from './what-if.js';

/** The entry form and the report view; then the demo samples are fetched. */
export function buildPage() {
  if (views.form) return;
  views.form = new EntryForm($('entries'), {
    get rules() { return state.rules; },
    doc: () => state.doc,
    answers: () => state.answers,
    changed,
    today: () => state.today,
    announce: (msg) => { $('sr-live').textContent = msg; },
  });
  views.report = new ReportView($('report-body'), {
    // A report of a file with questions not answered yet would report a pass nobody earned.
    make: (lang) => (state.unanswered.length
      ? { verdict: 'unanswered' }
      : reportOf(model.evalFile(state.doc, state.rules, state.answers).text,
        { lang, today: state.today, on: state.on || undefined, ...desk.reportOptions(storage.currentClient(), state.doc) })),
    name: () => desk.clientName(storage.readClient(storage.currentClient())) || (state.doc.enterprise && state.doc.enterprise.name) || '',
    date: () => (state.view && state.view.evaluated_on ? state.view.evaluated_on : state.today),
  });
  views.markCode = new MarkCodeBox($('mark-code-body'), { rules: () => state.rules });
  views.deskView = new DeskView($('desk-body'), {
    rules: () => state.rules, today: () => state.today, 
    // As the page's evaluation asks (evaluation.js): the open client's row is the page's answer.
    evaluate: (text, o) => evaluateText(text, { ...o, detail: true }), plan: (text, o) => planText(text, { ...o, detail: true }),
    waiting: answerPending, openAnswer,
    regionName: (r) => state.rules.regionLabel(r), open: openClient, notify, exportDesk,
    announce: (msg) => { $('sr-live').textContent = msg; },
    nameField: () => document.querySelector('[data-path="/enterprise/name"]:is(input)'),
    entriesRenamed: () => { renderPill(); if (views.report) views.report.render(); },
  });
  views.notesView = new NotesView($('notes-body'), {
    rules: () => state.rules, doc: () => state.doc, region,
    reportChanged: () => { if (views.report && views.report.shown) views.report.refresh(); },
  });
  const whole = views.form.render();
  views.report.render();
  views.markCode.render();
  views.deskView.render();
  views.notesView.render();
  Promise.all([whole, restReady]).then(() => document.body.classList.add('built'));
  const listed = fetchSamples();
  samplesListed(listed);
  // Every file a demo uses is asked for now (the samples, the standard's text): once they have
  // arrived, 'nvcheck:loaded': offline.js registers the service worker then, and present.js
  // counts the requests made after it (none).
  listed.then(() => Promise.allSettled([...state.samples.map(fetchSampleText), preloadStandard()]))
    .then(() => document.dispatchEvent(new Event('nvcheck:loaded')));
  mountTour(tourHooks());
}

/** What the guided tour (tour.js) may read and do: it works on a copy of the entries. */
function tourHooks() {
  return {
    rules: () => state.rules,
    doc: () => state.doc,
    result: () => state.view,
    unanswered: () => state.unanswered,
    // The client too: the tour's sample becomes a client of its own (the desk), so putting the
    // copy back also opens the client it came from.
    snapshot: () => ({ client: storage.currentClient(), doc: JSON.parse(JSON.stringify(state.doc)), answers: state.answers.toJSON(state.doc), on: state.on }),
    restore: (s) => {
      if (s.client && s.client !== storage.currentClient() && storage.readClient(s.client)) storage.setCurrent(s.client);
      state.doc = model.normalise(JSON.parse(JSON.stringify(s.doc)));
      state.answers = Answers.fromJSON(state.doc, s.answers);
      state.on = s.on;
      state.tried.clear();
      state.good = null;
      state.notice = null;
      renderNotice();
      persist();
      views.form.render();
      renderWhatIfDate(true);
      evaluateNow();
      renderPill();
      if (views.deskView) views.deskView.render();
    },
    hold: (on) => { state.tour = on; persist(); },
    notify: (text) => notify({ tone: 'ok', kind: 'tour', render: text }),
  };
}
