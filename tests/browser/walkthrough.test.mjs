// browser.walkthrough (issue 13): what a person walking through the page met, each a defect that
// led to a wrong reading or lost work: a record's link in the result that put the focus on the
// record's "Remove" (a second Enter removed it); a removed record with no way back; "the answer
// before this change (Pass)" for an answer that was no pass (a question was still open); the bar's
// next step pointing at an action that changes nothing; the bar showing a tried what-if answer as
// if it were the file's; a refused what-if date blanking the whole answer; an ASCII colon in
// Chinese dates.
//
//   tools/build-site.sh && (cd tests/browser && npm ci) && node --test tests/browser/walkthrough.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startAll, open, PHONE, DESKTOP, loadSample, waitVerdict, settle, basics, listAnswer, LISTS, setLang, shot,
} from './helpers.mjs';

let env;
before(async () => { env = await startAll(); });
after(async () => { if (env) await env.stop(); });

const records = (page, list) => page.locator(`#entries section.indicator[data-path="/records/${list}"] li.record`);

test('browser.walkthrough a record\'s link in the result focuses its first field, never its Remove', async (t) => {
  const { page, problems } = await open(t, env);
  await loadSample(page, 'hk-complaints');
  await waitVerdict(page, 'fail');
  const count = await records(page, 'contract_complaints').count();
  const link = page.locator('#result-details button.record-link', { hasText: 't1' }).first();
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement && document.activeElement.closest('li.record'));
  const where = await page.evaluate(() => ({
    record: document.activeElement.closest('li.record').dataset.path,
    remove: document.activeElement.classList.contains('remove'),
    tag: document.activeElement.tagName,
  }));
  assert.equal(where.record, '/records/contract_complaints/0');
  assert.equal(where.remove, false, 'the focus is on the record\'s Remove button');
  // A second Enter removes nothing.
  await page.keyboard.press('Enter');
  await settle(page);
  assert.equal(await records(page, 'contract_complaints').count(), count);
  assert.deepEqual(problems, []);
});

test('browser.walkthrough a removed record comes back with Undo, where it was, and the verdict with it', async (t) => {
  const { page, problems } = await open(t, env, { viewport: PHONE });
  await loadSample(page, 'hk-complaints');
  await waitVerdict(page, 'fail');
  const list = 'contract_complaints';
  const ids = () => records(page, list).evaluateAll((lis) => lis.map((li) => li.querySelector('.record-head').textContent));
  const before = await ids();
  await records(page, list).first().locator('button.remove').click();
  await settle(page);
  assert.equal(await records(page, list).count(), before.length - 1);
  const note = page.locator(`section.indicator[data-path="/records/${list}"] [data-role="record-undo"]`);
  assert.ok(await note.isVisible());
  assert.match(await note.innerText(), /Record t1 removed/);
  // The focus is on Undo: a second tap or Enter puts the record back.
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Undo');
  await page.keyboard.press('Enter');
  await settle(page);
  await waitVerdict(page, 'fail');
  assert.deepEqual(await ids(), before);
  assert.equal(await page.locator('#result-body .verdict-earliest').getAttribute('data-earliest'), '2027-08-10');
  assert.equal(await note.count() && await note.isVisible(), false);
  assert.deepEqual(problems, []);
});

test('browser.walkthrough an invalid entry says the answer before it had open questions, never "Pass"', async (t) => {
  const { page, problems } = await open(t, env);
  await basics(page);
  for (const list of LISTS.slice(1)) await listAnswer(page, list, 'none').check();
  await settle(page);
  await waitVerdict(page, 'unanswered');
  // 6.2.1: "yes, these records" adds a record; its yes/no questions answered, its dates not given.
  await listAnswer(page, LISTS[0], 'records').check();
  await settle(page);
  const rec = records(page, LISTS[0]).first();
  for (const q of await rec.locator('fieldset.field-question input[value="no"]').all()) await q.check();
  await settle(page);
  await waitVerdict(page, 'invalid');
  const stale = page.locator('#result-body [data-role="stale"]');
  assert.ok(await stale.isVisible());
  assert.doesNotMatch(await stale.innerText(), /\(Pass/);
  assert.match(await stale.innerText(), /Not answered yet/);
  // The cards of that answer mark 6.2.1 as it was then: not answered.
  assert.match(await page.locator('#result-details [data-clause="6.2.1"]').first().innerText(), /not answered/i);
  assert.deepEqual(problems, []);
});

test('browser.walkthrough the bar\'s next step is the wait when no action changes the date', async (t) => {
  const { page, problems } = await open(t, env);
  await loadSample(page, 'mo-lotus-dourado');
  await waitVerdict(page, 'fail');
  const next = await page.locator('#bar-next').innerText();
  assert.doesNotMatch(next, /changes nothing/);
  assert.match(next, /6\.2\.5/);
  // With actions that bring the date forward, the first of them.
  await loadSample(page, 'hk-complaints');
  await waitVerdict(page, 'fail');
  assert.match(await page.locator('#bar-next').innerText(), /Resolve the complaint/);
  assert.deepEqual(problems, []);
});

test('browser.walkthrough while an action is tried the bar says it is a what-if answer', async (t) => {
  const { page, problems } = await open(t, env);
  await loadSample(page, 'hk-complaints');
  await waitVerdict(page, 'fail');
  await page.locator('#plan-body li.action').first().locator('button.try').click();
  await page.waitForFunction(() => document.querySelector('#result-body .verdict-earliest').dataset.earliest === '2027-05-24');
  assert.match(await page.locator('#status-pill').innerText(), /^What-if: Fail/);
  // The tried change names its record by what it is, not by its id alone.
  assert.match(await page.locator('#result-body .whatif-tag').innerText(), /contract complaint received on 10 August 2026 \(no\. t1\)/);
  assert.match(await page.locator('#bar-next').innerText(), /Trying the chosen actions/);
  await setLang(page, 'zh-Hans');
  assert.match(await page.locator('#status-pill').innerText(), /^试算：/);
  await page.locator('#plan-body button', { hasText: '返回我的记录' }).first().click();
  await page.waitForFunction(() => document.querySelector('#result-body .verdict-earliest').dataset.earliest === '2027-08-10');
  assert.doesNotMatch(await page.locator('#status-pill').innerText(), /试算/);
  assert.deepEqual(problems, []);
});

test('browser.walkthrough a refused what-if date keeps the last answer on screen, marked out of date', async (t) => {
  const { page, problems } = await open(t, env, { viewport: PHONE });
  await loadSample(page, 'hk-complaints');
  await waitVerdict(page, 'fail');
  await page.locator('#whatif-on').focus();
  await page.keyboard.type('20260230', { delay: 30 });
  await settle(page);
  await waitVerdict(page, 'invalid');
  assert.ok(await page.locator('#result-body [data-role="stale"]').isVisible());
  assert.match(await page.locator('#result-body [data-role="stale"]').innerText(), /Fail, apply on or after 10 August 2027/);
  // The cards, the plan and the timeline of that answer are still there, dimmed.
  for (const id of ['result-details', 'timeline-body', 'plan-body']) {
    assert.equal(await page.locator(`#${id}.stale`).count(), 1, id);
  }
  assert.ok(await page.locator('#plan-body li.action').count() > 0);
  assert.ok(await page.locator('#timeline-body svg .tl-row').count() > 0);
  await shot(page, 'walkthrough-en-phone-whatif-refused-stale');
  assert.deepEqual(problems, []);
});

test('browser.walkthrough dates in the timeline\'s table follow a label with the language\'s colon', async (t) => {
  const { page, problems } = await open(t, env);
  await loadSample(page, 'hk-complaints');
  await waitVerdict(page, 'fail');
  await setLang(page, 'zh-Hans');
  await settle(page);
  const cells = await page.locator('#timeline-body table tbody td').allTextContents();
  const dated = cells.filter((c) => /\d{4}年/.test(c));
  assert.ok(dated.length > 0);
  for (const c of dated) assert.doesNotMatch(c, /: /, c);
  assert.ok(dated.some((c) => /：\d{4}年/.test(c)), dated.join(' | '));
  // The application date's hint names today as the language writes a date.
  assert.doesNotMatch(await page.locator('#entries').innerText(), /今天（\d{4}-\d{2}-\d{2}）/);
  assert.deepEqual(problems, []);
});

test('browser.walkthrough arrow keys through a list\'s question add no record that cannot be taken back', async (t) => {
  const { page, problems } = await open(t, env);
  await basics(page);
  const list = 'judgments';
  const none = listAnswer(page, list, 'none');
  await none.focus();
  // ArrowDown chooses "yes, these records": a record is added, the focus stays in the question.
  await page.keyboard.press('ArrowDown');
  await settle(page);
  assert.equal(await records(page, list).count(), 1);
  assert.equal(await page.evaluate(() => document.activeElement.type), 'radio');
  assert.equal(await listAnswer(page, list, 'none').isDisabled(), false);
  // ArrowUp chooses "none" again: the empty record goes, the list is answered "none".
  await page.keyboard.press('ArrowUp');
  await settle(page);
  assert.equal(await records(page, list).count(), 0);
  assert.equal(await listAnswer(page, list, 'none').isChecked(), true);
  // A record with something entered is never taken away by "none".
  await listAnswer(page, list, 'records').click();
  await settle(page);
  assert.equal(await records(page, list).count(), 1);
  await page.locator(`[data-path="/records/${list}/0/court"]:is(input)`).fill('Court of Example');
  await settle(page);
  await listAnswer(page, list, 'none').focus();
  await page.keyboard.press('Space');
  await settle(page);
  assert.equal(await records(page, list).count(), 1);
  assert.equal(await listAnswer(page, list, 'records').isChecked(), true);
  assert.match(await page.locator(`section.indicator[data-path="/records/${list}"] [data-role="list-answer"]`).innerText(), /remove them first/);
  assert.deepEqual(problems, []);
});

test('browser.walkthrough dates as the language writes them: the earliest date once, month ticks in words', async (t) => {
  const { page, problems } = await open(t, env);
  // A first visit: nothing to correct yet, only what to fill in.
  assert.match(await page.locator('#bar-next').innerText(), /Fill in what the result lists as missing/);
  // Each missing entry is said once, where it is, in the engine's words (not "Name: ... "Name"").
  const missing = await page.locator('#result-body .error-list li span').allTextContents();
  assert.ok(missing.some((m) => m.startsWith('The enterprise\'s basic information, "Name"')), missing.join(' | '));
  for (const m of missing) assert.doesNotMatch(m, /^[^"]*: .*"/, m);
  await loadSample(page, 'hk-complaints');
  await waitVerdict(page, 'fail');
  const earliest = await page.locator('#result-body .verdict-earliest').innerText();
  assert.match(earliest, /10 August 2027/);
  assert.doesNotMatch(earliest, /2027-08-10/);
  assert.equal(await page.locator('#result-body .verdict-earliest time').getAttribute('datetime'), '2027-08-10');
  for (const lang of ['en', 'zh-Hans']) {
    await setLang(page, lang);
    await settle(page);
    const ticks = await page.locator('#timeline-body svg .tl-tick').allTextContents();
    assert.ok(ticks.length > 1);
    for (const tick of ticks) assert.doesNotMatch(tick, /^\d{4}-\d{2}$/, tick);
  }
  assert.deepEqual(problems, []);
});

test('browser.walkthrough a file that never passes by waiting does not say "nothing to wait for"', async (t) => {
  const { page, problems } = await open(t, env);
  await loadSample(page, 'gd-actions-dispute');
  await waitVerdict(page, 'fail');
  // The bar's pill stays short (two lines at most), whole.
  assert.equal(await page.locator('#status-pill').innerText(), 'Fail · will not pass on its own');
  const text = await page.locator('#plan-body [data-role="no-waits"]').innerText();
  assert.doesNotMatch(text, /Nothing to wait for/);
  assert.match(text, /never passes/);
  await setLang(page, 'zh-Hans');
  assert.doesNotMatch(await page.locator('#plan-body [data-role="no-waits"]').innerText(), /无需等待/);
  assert.deepEqual(problems, []);
});

test('browser.walkthrough the timeline\'s tick labels stay inside the chart and apart, at 390 and 1280 px', async (t) => {
  for (const viewport of [PHONE, DESKTOP]) {
    const { page, problems } = await open(t, env, { viewport });
    for (const sample of ['hk-complaints', 'gd-many-records']) {
      await loadSample(page, sample);
      await waitVerdict(page, 'fail');
      for (const lang of ['zh-Hans', 'en']) {
        await setLang(page, lang);
        await settle(page);
        const bad = await page.evaluate(() => {
          const svg = document.querySelector('#timeline-body svg');
          const w = Number(svg.getAttribute('width'));
          const boxes = [...svg.querySelectorAll('.tl-tick')].map((el) => ({ text: el.textContent, x: el.getBBox().x, right: el.getBBox().x + el.getBBox().width }));
          const out = boxes.filter((b) => b.right > w).map((b) => `${b.text} past the edge`);
          for (let i = 1; i < boxes.length; i += 1) if (boxes[i].x < boxes[i - 1].right + 2) out.push(`${boxes[i - 1].text} / ${boxes[i].text} overlap`);
          return out;
        });
        assert.deepEqual(bad, [], `${viewport.width} px, ${sample}, ${lang}`);
      }
    }
    assert.deepEqual(problems, []);
  }
});

test('browser.walkthrough on a phone the samples take one row and the form starts on the first screen', async (t) => {
  const { page, problems } = await open(t, env, { viewport: PHONE });
  for (const lang of ['zh-Hans', 'en']) {
    await setLang(page, lang);
    const box = await page.locator('#sample-buttons').boundingBox();
    assert.ok(box.height < 60, `${lang}: the sample buttons are ${box.height} px high`);
    // Every sample is still reachable: the row scrolls sideways, the page does not.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
    await page.locator('[data-sample="mo-lotus-dourado"]').scrollIntoViewIfNeeded();
    assert.ok(await page.locator('[data-sample="mo-lotus-dourado"]').isVisible());
    await page.evaluate(() => window.scrollTo(0, 0));
    const name = await page.locator('[data-path="/enterprise/name"]:is(input)').boundingBox();
    assert.ok(name.y + name.height < PHONE.height, `${lang}: the name field is at ${name.y} px`);
  }
  assert.deepEqual(problems, []);
});

test('browser.walkthrough a first visit marks no empty field as a mistake; once something is entered, what is missing is', async (t) => {
  const { page, problems } = await open(t, env, { viewport: PHONE });
  assert.equal(await page.locator('#result-body .verdict').getAttribute('data-verdict'), 'invalid');
  assert.ok(await page.locator('#result-body .error-list li').count() >= 3);
  assert.equal(await page.locator('#entries .has-error').count(), 0);
  await page.locator('[data-path="/enterprise/name"]:is(input)').fill('Test Trading Ltd');
  await settle(page);
  assert.ok(await page.locator('[data-path="/enterprise/region"].has-error .field-error').isVisible());
  assert.equal(await page.locator('[data-path="/enterprise/name"].has-error').count(), 0);
  assert.deepEqual(problems, []);
});
