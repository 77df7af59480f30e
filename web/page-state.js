// The page's state: the enterprise file, its answers, the what-if date, the tried actions and the
// last results (state), and the views built once the first verdict is shown (views). Every part
// of the page reads and writes them here.

import { localToday } from './i18n.js';
import * as model from './model.js';
import { Answers } from './answers.js';

export const $ = (id) => document.getElementById(id);

export const state = {
  rules: null,
  doc: model.emptyDoc(),
  answers: new Answers(),  // what the person answered (answers.js), beside the file
  unanswered: [],          // what is not answered yet (answers.unanswered)
  on: '',                  // what-if evaluation date ('' = application date or today)
  tried: new Map(),        // plan actions tried in the what-if copy, by key
  today: localToday(),
  base: null,              // result of the saved records
  view: null,              // result shown (what-if copy when actions are tried)
  viewDoc: null,
  changes: [],
  plan: null,
  samples: [],
  notice: null,            // {tone, render: () => nodes, undo?}
  lastVerdict: null,
  rulesDiff: null,         // the engine's rulesDiff() for the rules of tag rulesDiffTag (edited rules only)
  rulesDiffTag: 0,
  engineBroken: false,
};

/** The views, built right after the first verdict is shown (app.js buildPage). */
export const views = {
  form: null,       // the entry form
  report: null,     // the report view
  markCode: null,   // clause 7.4: the "check a mark code" box
  deskView: null,   // issue 16: the clients and their summary, and the counselling notes (8.8)
  notesView: null,
  cardsShown: false,  // the clause cards may be drawn (from the frame after the first verdict's)
};
