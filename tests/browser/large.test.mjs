// browser.large (issue 13's performance targets, as behaviour; the timings are bench/page_bench.mjs's):
// a file of thousands of records imports and shows its verdict, every record in the form, and a
// timeline that draws at most 1,000 rows (those that count first) and says so; an edit is saved
// in a task after it, yet before anything else reads this browser's storage: a record added and
// another client opened at once keeps the record with its own client. A file of thousands of
// records is checked and evaluated by the engine in a worker (web/engine-worker.js), with the same
// answer as the page's engine.
//
//   tools/build-site.sh && (cd tests/browser && npm ci) && node --test tests/browser/large.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startAll, open, root, loadSample, importText, waitVerdict, verdict, field, LISTS } from './helpers.mjs';

let env;
before(async () => { env = await startAll(); });
after(async () => { if (env) await env.stop(); });

const sample = (name) => JSON.parse(fs.readFileSync(path.join(root, 'web', 'samples', name), 'utf8'));

/** The sample gd-many-records with its records repeated (new ids) until the file holds `n`. */
function manyRecords(n) {
  const doc = sample('gd-many-records.json');
  const base = LISTS.flatMap((list) => (doc.records[list] || []).map((r) => [list, r]));
  const records = Object.fromEntries(LISTS.map((list) => [list, []]));
  for (let i = 0; i < n; i += 1) {
    const [list, r] = base[i % base.length];
    records[list].push({ ...r, id: `${r.id}-${i}` });
  }
  doc.records = records;
  doc.enterprise = { ...doc.enterprise, name: 'Many Records Trading Ltd' };
  return doc;
}

test('browser.large a file of 3,000 records shows its verdict, every record, and a timeline of at most 1,000 rows that says so', async (t) => {
  const { page, problems } = await open(t, env);
  const doc = manyRecords(3000);
  await importText(page, 'many.json', JSON.stringify(doc));
  await waitVerdict(page, 'fail');
  await page.waitForFunction(() => document.querySelectorAll('#entries section.indicator li.record').length === 3000, null, { timeout: 120000 });
  await page.locator('#timeline').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('#timeline-body tbody tr').length > 0, null, { timeout: 60000 });
  const tl = await page.evaluate(() => ({
    rows: document.querySelectorAll('#timeline-body tbody tr').length,
    caption: document.querySelector('#timeline-body').textContent,
  }));
  assert.ok(tl.rows > 0 && tl.rows <= 1000, `timeline rows: ${tl.rows}`);
  assert.match(tl.caption, /Timeline of \d+ records/);
  assert.match(tl.caption, /The chart draws \d+ of them, those that count first/);
  assert.deepEqual(problems, []);
});

test('browser.large a file of 4,000 records is checked in the engine\'s worker: every record in order, the engine\'s own verdict, an error in the last record marked at its field', async (t) => {
  const { page, problems } = await open(t, env);
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  // A small file stays on the page's own engine: no worker for it.
  await loadSample(page, 'gd-pass');
  assert.deepEqual(workers, [], 'no worker for a small file');
  const doc = manyRecords(4000);
  const text = JSON.stringify(doc);
  await importText(page, 'many.json', text);
  await page.waitForFunction(() => document.querySelectorAll('#entries section.indicator li.record').length === 4000, null, { timeout: 120000 });
  await page.waitForFunction(() => document.querySelector('#plan-body').childElementCount > 0, null, { timeout: 60000 });
  assert.ok(workers.some((u) => u.endsWith('/engine-worker.js')), `the large file's engine calls ran in the worker (workers: ${workers.join(', ')})`);

  // Every record in the form, in the file's order.
  const shown = await page.evaluate((lists) => Object.fromEntries(lists.map((l) => [l,
    [...document.querySelectorAll(`#entries section.indicator[data-path="/records/${l}"] li.record .record-title`)].map((e) => e.textContent)])), LISTS);
  for (const list of LISTS) assert.deepEqual(shown[list], (doc.records[list] || []).map((r) => `Record ${r.id}`), `the records of ${list}, in order`);

  // The verdict and every clause as the engine's evaluate() of the same text says, every record
  // counted listed (the long lists are filled over several tasks).
  const mine = await page.evaluate(async (fileText) => {
    const engine = await import('./engine.mjs');
    const d = new Date();
    const p = (n) => String(n).padStart(2, '0');
    return JSON.parse(engine.evaluate(fileText, { lang: 'en', today: `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`, detail: true }));
  }, text);
  assert.equal(await verdict(page), mine.verdict);
  await page.waitForFunction((n) => document.querySelectorAll('#result-details .counted li').length === n,
    mine.indicators.reduce((n, i) => n + (i.counted || []).length, 0), { timeout: 60000 });
  const cards = await page.evaluate(() => [...document.querySelectorAll('#result-details .clause-card')].map((c) => ({
    clause: c.dataset.clause, status: c.dataset.status || c.className.replace(/.*\bst-(\S+).*/, '$1'),
    counted: c.querySelectorAll(':scope > .counted li').length,
    notCounted: c.querySelectorAll(':scope > .not-counted li').length,
  })));
  const want = [
    ...mine.basic_requirements.map((b) => ({ clause: b.clause, status: b.status, counted: 0, notCounted: 0 })),
    ...mine.indicators.map((i) => ({ clause: i.clause, status: i.status, counted: (i.counted || []).length, notCounted: (i.not_counted || []).length })),
  ];
  await page.waitForFunction((n) => document.querySelectorAll('#result-details .not-counted li').length === n,
    want.reduce((n, c) => n + c.notCounted, 0), { timeout: 60000 });
  const cardsNow = await page.evaluate(() => [...document.querySelectorAll('#result-details .clause-card')].map((c) => c.querySelectorAll(':scope > .not-counted li').length));
  assert.deepEqual(cards.map((c, i) => ({ ...c, notCounted: cardsNow[i] })), want);

  // The last record's id made the same as the first's: the engine's error is marked next to that field.
  const list = [...LISTS].reverse().find((l) => (doc.records[l] || []).length);
  const last = doc.records[list].length - 1;
  const idPath = `/records/${list}/${last}/id`;
  const item = page.locator(`#entries li.record[data-path="/records/${list}/${last}"]`);
  await item.scrollIntoViewIfNeeded();
  await field(page, idPath).fill(doc.records[list][0].id);
  await page.waitForFunction((p) => {
    const f = document.querySelector(`.field[data-path="${p}"].has-error > .field-error`);
    return f && !f.hidden && f.textContent.trim() !== '';
  }, idPath, { timeout: 60000 });
  assert.equal(await verdict(page), 'invalid');
  assert.equal(await item.locator('[data-role="record-status"]').textContent(), 'to correct');
  assert.deepEqual(problems, []);
});

test('browser.large a record added and another client opened at once: the record stays with its own client', async (t) => {
  const { page, problems } = await open(t, env);
  await loadSample(page, 'gd-pass');
  await loadSample(page, 'hk-complaints');
  const list = 'contract_complaints';
  const count = () => page.locator(`#entries section.indicator[data-path="/records/${list}"] li.record`).count();
  const before = await count();
  // One task: the click on "add a record" (its save waits for a task of its own), then the other client.
  await page.evaluate((l) => {
    document.querySelector(`#entries section.indicator[data-path="/records/${l}"] > button.add`).click();
    [...document.querySelectorAll('#client-list [data-client]')].find((b) => !b.hasAttribute('aria-current')).click();
  }, list);
  await waitVerdict(page, 'pass');
  await page.click('#client-list [data-client] >> text=示例物流（香港）有限公司');
  await page.waitForFunction(() => document.querySelector('#result-client').textContent === '示例物流（香港）有限公司');
  assert.equal(await count(), before + 1, 'the added record was kept with the Hong Kong client');
  assert.deepEqual(problems, []);
});
