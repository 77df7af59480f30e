// browser.views (issue 15, item 4: the page is a view): what the page shows of the evaluation
// date's source, the timeline's windows, dates for people and the tried actions is what the
// engine says (the module's evaluate with `detail`, humanDate, whatIf), not worked out again.
//
//   tools/build-site.sh && (cd tests/browser && npm ci) && node --test tests/browser/views.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAll, open, SIZES, loadSample, settle, shot, setLang } from './helpers.mjs';

let env;
before(async () => { env = await startAll(); });
after(async () => { if (env) await env.stop(); });

// The engine's answer for the file the page evaluates, asked through the page's own adapter.
async function engineSays(page, call, ...args) {
  return page.evaluate(async ([name, rest]) => {
    const engine = await import('./engine.mjs');
    return { name, out: engine[name](...rest) };
  }, [call, args]);
}

for (const [size, viewport] of SIZES) {
  test(`browser.views ${size}: the timeline's windows start where the engine says; its dates are the engine's`, async (t) => {
    const { page, problems } = await open(t, env, { viewport });
    await loadSample(page, 'gd-actions-dispute');
    await page.locator('#timeline').scrollIntoViewIfNeeded();
    await page.waitForSelector('#timeline-body tbody tr', { state: 'attached' });  // the table is in a closed <details>
    const text = await page.evaluate(async () => {
      const r = await fetch('samples/gd-actions-dispute.json');
      return r.text();
    });
    const today = await page.evaluate(async () => (await import('./i18n.js')).localToday());
    const result = JSON.parse((await engineSays(page, 'evaluate', text, { lang: 'en', today, detail: true })).out);
    assert.ok(['application_date', 'today'].includes(result.evaluated_on_source));
    const counted = result.indicators.flatMap((i) => i.counted);
    assert.ok(counted.length > 0);
    const table = await page.locator('#timeline-body table').textContent();
    for (const c of counted) {
      assert.ok(c.counts_from, `${c.record}: counts_from`);
      const human = (await engineSays(page, 'humanDate', c.counts_from, 'en')).out;
      assert.match(human, /^\d{1,2} [A-Z][a-z]+ \d{4}$/);
      assert.ok(table.includes(human), `${c.record}: the window's start ${human} is in the timeline's table`);
    }
    // Each record named by what it is, as the engine names it, never by its id alone (plain words).
    const cells = await page.locator('#timeline-body tbody tr[data-record]:not([data-record=""]) td:nth-child(2)').allTextContents();
    const names = result.indicators.flatMap((i) => [...i.counted, ...i.not_counted]);
    assert.ok(cells.length > 0 && cells.length === names.length, `${cells.length} rows for ${names.length} records`);
    for (const n of names) {
      assert.ok(n.name && n.name !== n.record, `${n.record}: a name`);
      assert.ok(cells.includes(n.name), `${n.record}: named "${n.name}" in the timeline's table`);
    }
    assert.ok(!cells.some((c) => names.some((n) => c === n.record)), 'no record named by its id alone');
    // The chart too: each record row says its clause, and the record's name (whole, or cut with
    // an ellipsis to fit the chart; its title has it whole), not its id.
    const chartRows = await page.locator('#timeline-body .tl-row[data-record]:not([data-record=""])').evaluateAll((gs) => gs.map((g) => ({
      record: g.dataset.record, clause: g.dataset.clause,
      label: g.querySelector(':scope > .tl-label')?.textContent, name: g.querySelector(':scope > .tl-name')?.textContent,
      title: g.querySelector(':scope > title')?.textContent,
    })));
    assert.equal(chartRows.length, names.length);
    for (const r of chartRows) {
      const n = names.find((x) => x.record === r.record);
      assert.equal(r.label, r.clause, `${r.record}: the chart's left column is the clause alone`);
      assert.ok(r.name && (r.name === n.name || (r.name.endsWith('…') && n.name.startsWith(r.name.slice(0, -1)))),
        `${r.record}: named "${r.name}" on the chart, the engine says "${n.name}"`);
      assert.ok(r.title.includes(n.name), `${r.record}: the row's title has the whole name`);
    }
    // The evaluation date on the chart as people write it.
    const onHuman = (await engineSays(page, 'humanDate', result.evaluated_on, 'en')).out;
    assert.equal(await page.locator('#timeline-body .tl-on .tl-marker-label').textContent(), `evaluation date ${onHuman}`);
    // The date's source as the engine named it, beside the evaluation date.
    const source = await page.locator('#result-body .verdict-date .muted').textContent();
    assert.equal(source, result.evaluated_on_source === 'today' ? '(today)' : '(application date)');
    await shot(page, `en-views-timeline-${size}`);
    assert.deepEqual(problems, []);
  });
}

test('browser.views: a tried action shows what the engine\'s whatIf gives, and a what-if date is named as such', async (t) => {
  const { page, problems } = await open(t, env);
  await loadSample(page, 'hk-complaints');
  const action = await page.evaluate(async () => {
    const text = await (await fetch('samples/hk-complaints.json')).text();
    const engine = await import('./engine.mjs');
    const i18n = await import('./i18n.js');
    const opts = { lang: 'en', today: i18n.localToday() };
    const plan = JSON.parse(engine.plan(text, opts));
    const w = JSON.parse(engine.whatIf(text, [plan.actions[0]], opts));
    return { a: plan.actions[0], w };
  });
  assert.equal(action.w.schema, 'nvcheck/what-if@1');
  assert.equal(action.w.changes[0].record, action.a.record);
  await page.locator('#plan-body li.action').first().locator('button.try').click();
  await page.waitForFunction((d) => document.querySelector('#result-body .verdict-earliest')?.dataset.earliest === d,
    action.w.result.earliest_pass_date);
  assert.match(await page.locator('#timeline-whatif').textContent(), new RegExp(action.a.record));
  await page.click('text=Back to my records');
  await page.fill('#whatif-on', '2027-01-05');
  await settle(page);
  assert.equal(await page.locator('#result-body .verdict-date .muted').textContent(), '(what-if date)');
  assert.deepEqual(problems, []);
});

test('browser.views: each of the plan\'s waits is the engine\'s sentence, once, in each language (no clause or date said twice)', async (t) => {
  const { page, problems } = await open(t, env);
  await loadSample(page, 'gd-many-records');
  for (const lang of ['zh-Hant', 'en', 'zh-Hans']) {
    await setLang(page, lang);
    await settle(page);
    const { waits, shown } = await page.evaluate(async (lang) => {
      const text = await (await fetch('samples/gd-many-records.json')).text();
      const engine = await import('./engine.mjs');
      const i18n = await import('./i18n.js');
      const plan = JSON.parse(engine.plan(text, { lang, today: i18n.localToday() }));
      return { waits: plan.waits, shown: [...document.querySelectorAll('#plan-body ul.waits > li')].map((li) => li.textContent) };
    }, lang);
    assert.ok(waits.length > 0, `${lang}: the sample has waits`);
    assert.deepEqual(shown, waits.map((w) => w.text), `${lang}: the waits as the engine says them`);
    for (const w of waits) {
      const line = shown[waits.indexOf(w)];
      assert.equal(line.split(w.clause).length - 1, 1, `${lang}: clause ${w.clause} said once in "${line}"`);
    }
    await page.locator('#plan-body ul.waits').scrollIntoViewIfNeeded();
    await shot(page, `views-${lang}-plan-waits`);
  }
  assert.deepEqual(problems, []);
});
