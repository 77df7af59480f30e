// browser.answers (issue 13, explicit answers): nothing that decides the verdict is pre-filled.
// Each of the ten indicators is answered "none in the period" or by its records, each yes/no
// question of a record is answered yes or no, and until then the page never shows a pass.
// At a phone's width (390 px) and a desktop's (1280 px); screenshots in three languages.
//
//   tools/build-site.sh && (cd tests/browser && npm ci) && node --test tests/browser/answers.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startAll, open, SIZES, setLang, settle, verdict, waitVerdict, field, loadSample, exportText, importText,
  shot, listAnswer, question, basics, LISTS,
} from './helpers.mjs';

let env;
before(async () => { env = await startAll(); });
after(async () => { if (env) await env.stop(); });

const pill = (page) => page.locator('#status-pill');

for (const [size, viewport] of SIZES) {
  test(`browser.answers ${size}: an empty form is not a pass; it passes once every indicator is answered "none"`, async (t) => {
    const { page, problems } = await open(t, env, { viewport });
    await basics(page);
    // Name, region and incorporation date only: the ten questions are still open.
    await waitVerdict(page, 'unanswered');
    assert.notEqual(await pill(page).getAttribute('class'), 'status-pill v-pass');
    const items = page.locator('#result-body .unanswered-list li');
    assert.equal(await items.count(), 10);
    assert.match(await items.nth(7).innerText(), /^6\.2\.8 /);
    for (const list of LISTS) {
      assert.equal(await listAnswer(page, list, 'none').isChecked(), false, list);
      assert.equal(await listAnswer(page, list, 'records').isChecked(), false, list);
    }
    // No clause shows a pass, nor the plan, nor the report.
    assert.equal(await page.locator('#result-details .clause-card[data-status="pass"]').count(), 0);
    assert.equal(await page.locator('#result-details .clause-card[data-status="unanswered"]').count(), 10);
    assert.ok(await page.locator('[data-role="plan-unanswered"]').isVisible());
    await page.click('#report-show');
    assert.match(await page.locator('.report-status').innerText(), /not answered/);

    for (const [lang, tag] of [['en', 'en'], ['zh-Hans', 'zh-Hans'], ['zh-Hant', 'zh-Hant']]) {
      await setLang(page, lang);
      await page.locator('#result').scrollIntoViewIfNeeded();
      await shot(page, `answers-${tag}-${size}-unanswered`);
    }
    await setLang(page, 'en');
    // "Go to the question" reaches the indicator's answer.
    await items.nth(7).locator('button').click();
    await page.waitForFunction(() => document.activeElement && document.activeElement.type === 'radio');
    await page.locator('#ind-6\\.2\\.8').scrollIntoViewIfNeeded();
    await shot(page, `answers-en-${size}-question`);

    for (const list of LISTS.slice(0, 9)) await listAnswer(page, list, 'none').check();
    await settle(page);
    assert.equal(await verdict(page), 'unanswered');
    assert.equal(await items.count(), 1);
    await listAnswer(page, LISTS[9], 'none').check();
    await waitVerdict(page, 'pass');
    assert.match(await pill(page).innerText(), /Pass/);
    assert.deepEqual(problems, []);
  });

  test(`browser.answers ${size}: a new record's yes/no questions have no default; the record counts only once answered`, async (t) => {
    const { page, problems } = await open(t, env, { viewport });
    await loadSample(page, 'gd-pass');
    assert.equal(await verdict(page), 'pass');
    await page.click('#add-contract_complaints');
    const p = '/records/contract_complaints/2';
    await page.locator(`li.record[data-path="${p}"]`).waitFor({ timeout: 5000 });
    // "valid complaint" and "disputed" are asked, neither answer chosen, each with its explanation.
    for (const q of ['valid', 'disputed']) {
      assert.equal(await question(page, `${p}/${q}`, true).isChecked(), false, q);
      assert.equal(await question(page, `${p}/${q}`, false).isChecked(), false, q);
      assert.ok(await page.locator(`fieldset.field-question[data-path="${p}/${q}"] .help`).isVisible(), q);
    }
    assert.match(await page.locator(`fieldset.field-question[data-path="${p}/valid"] .help`).innerText(), /confirmed/);
    await waitVerdict(page, 'unanswered');
    assert.match(await page.locator(`li.record[data-path="${p}"] [data-role="record-status"]`).innerText(), /to answer/);
    assert.equal(await page.locator('#result-details .clause-card[data-clause="6.2.8"]').getAttribute('data-status'), 'unanswered');
    assert.equal(await page.locator('#ind-6\\.2\\.8 [data-role="indicator-status"]').innerText(), 'not answered');
    await field(page, `${p}/contract_type`).selectOption('commercial');
    await field(page, `${p}/received_on`).fill('2026-10-01');
    await page.locator(`li.record[data-path="${p}"]`).scrollIntoViewIfNeeded();
    await shot(page, `answers-en-${size}-record-questions`);
    // A valid complaint: with the sample's valid t1 (still in its window), 6.2.8 fails.
    await question(page, `${p}/valid`, true).check();
    await settle(page);
    assert.equal(await verdict(page), 'unanswered');
    await question(page, `${p}/disputed`, false).check();
    await waitVerdict(page, 'fail');
    assert.equal(await page.locator('#result-details .clause-card[data-clause="6.2.8"]').getAttribute('data-status'), 'fail');
    // Not a valid complaint: it does not count, and the sample passes again.
    await question(page, `${p}/valid`, false).check();
    await waitVerdict(page, 'pass');
    const saved = JSON.parse(await exportText(page));
    assert.equal(saved.records.contract_complaints[2].valid, false);
    assert.equal(saved.records.contract_complaints[2].disputed, false);
    assert.deepEqual(problems, []);
  });
}

test('browser.answers a fail shows at once, with what is still unanswered', async (t) => {
  const { page, problems } = await open(t, env);
  // Two valid complaints under 6.2.8 and nothing said about the other nine indicators.
  const doc = {
    schema: 'nvcheck/enterprise@1',
    enterprise: { name: 'Fail Fast Ltd', region: 'HK', incorporated_on: '2012-01-01' },
    application: { date: '2026-11-24' },
    records: {
      contract_complaints: [
        { id: 't1', contract_type: 'commercial', valid: true, received_on: '2026-08-10' },
        { id: 't2', contract_type: 'commercial', valid: true, received_on: '2026-05-24' },
      ],
    },
  };
  await importText(page, 'fail-fast.json', JSON.stringify(doc));
  await waitVerdict(page, 'fail');
  assert.match(await page.locator('#result-body .unanswered-note').innerText(), /9/);
  assert.equal(await page.locator('#result-body .unanswered-list li').count(), 9);
  assert.deepEqual(problems, []);
});

test('browser.answers an imported file answers the lists it has; export writes only what was answered', async (t) => {
  const { page, problems } = await open(t, env);
  const doc = {
    schema: 'nvcheck/enterprise@1',
    enterprise: { name: 'Imported Ltd', region: 'GD', incorporated_on: '2015-03-01' },
    records: {
      judgments: [{ id: 'j1', case_type: 'civil', effective: false, nonperformance_from: '2026-01-10' }],
      risk_list_entries: [],
    },
  };
  await importText(page, 'partial.json', JSON.stringify(doc));
  await waitVerdict(page, 'unanswered');
  // The empty list is "none"; the list with a record is answered by it; the other eight are open.
  assert.equal(await listAnswer(page, 'risk_list_entries', 'none').isChecked(), true);
  assert.equal(await listAnswer(page, 'judgments', 'records').isChecked(), true);
  assert.equal(await question(page, '/records/judgments/0/effective', false).isChecked(), true);
  // An optional question the file leaves out is its "no" (CONTRACT.md).
  assert.equal(await question(page, '/records/judgments/0/disputed', false).isChecked(), true);
  for (const list of LISTS.filter((l) => !['judgments', 'risk_list_entries'].includes(l))) {
    assert.equal(await listAnswer(page, list, 'none').isChecked(), false, list);
  }
  assert.equal(await page.locator('#result-body .unanswered-list li').count(), 8);

  let out = JSON.parse(await exportText(page));
  assert.equal(out.schema, 'nvcheck/enterprise@1');
  assert.deepEqual(Object.keys(out.records), ['judgments', 'risk_list_entries']);
  assert.deepEqual(out.records.risk_list_entries, []);

  // Answering a list "none" exports it as an empty list; the answers survive a reload.
  await listAnswer(page, 'criminal_cases', 'none').check();
  await settle(page);
  await page.reload();
  await page.waitForSelector('section.indicator');
  await settle(page);
  assert.equal(await listAnswer(page, 'criminal_cases', 'none').isChecked(), true);
  assert.equal(await listAnswer(page, 'judgments', 'records').isChecked(), true);
  assert.equal(await listAnswer(page, 'administrative_penalties', 'none').isChecked(), false);
  out = JSON.parse(await exportText(page));
  assert.deepEqual(Object.keys(out.records), ['judgments', 'criminal_cases', 'risk_list_entries']);
  // The exported file is a valid enterprise file: the page takes it back as it is.
  await importText(page, 'again.json', JSON.stringify(out));
  assert.ok(await page.locator('.notice[data-kind="imported"]').isVisible());

  // "Yes, these records" adds the first record; its questions are open and survive a reload.
  await listAnswer(page, 'administrative_penalties', 'records').check();
  await settle(page);
  assert.equal(await page.locator('section.indicator[data-path="/records/administrative_penalties"] li.record').count(), 1);
  // "None" stays open while that record has nothing entered (choosing it takes the record away
  // again: browser.walkthrough, arrow keys).
  assert.equal(await listAnswer(page, 'administrative_penalties', 'none').isDisabled(), false);
  // Exported with questions open: the page says what that means.
  await exportText(page);
  assert.match(await page.locator('.notice[data-kind="export-open"]').innerText(), /records with yes\/no questions not answered yet: 1\./);
  await page.reload();
  await page.waitForSelector('section.indicator');
  await settle(page);
  assert.equal(await question(page, '/records/administrative_penalties/0/annulled', false).isChecked(), false);
  assert.equal(await question(page, '/records/administrative_penalties/0/annulled', true).isChecked(), false);
  assert.ok(await page.locator('fieldset.field-question.open[data-path="/records/administrative_penalties/0/annulled"]').isVisible());
  assert.deepEqual(problems, []);
});

test('browser.answers every field has help from the rule data, for the region, in three languages', async (t) => {
  const { page, problems } = await open(t, env);
  await basics(page, { region: 'GD' });
  for (const list of LISTS) await listAnswer(page, list, 'records').check();
  await settle(page);
  const missing = await page.evaluate(() => [...document.querySelectorAll('#entries .field')]
    .filter((f) => !f.querySelector(':scope > .help') || !f.querySelector(':scope > .help').textContent.trim())
    .map((f) => f.dataset.path));
  assert.deepEqual(missing, []);
  const idHelp = page.locator('[data-path="/enterprise/id_code"].field > .help');
  assert.match(await idHelp.innerText(), /unified social credit code/);
  assert.match(await page.locator('[data-path="/enterprise/division_code"].field > .help').innerText(), /^The 6-digit .*Guangdong/);
  await field(page, '/enterprise/region').selectOption('HK');
  await settle(page);
  assert.match(await idHelp.innerText(), /Business Registration \(BR\)/);
  await setLang(page, 'zh-Hant');
  assert.match(await idHelp.innerText(), /商業登記號碼/);
  await field(page, '/enterprise/region').selectOption('GD');
  await setLang(page, 'zh-Hans');
  assert.match(await idHelp.innerText(), /统一社会信用代码/);
  assert.deepEqual(problems, []);
});
