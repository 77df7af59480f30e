// plan_bench.mjs: the route to passing on large files (issue 13: a 10,000-record import). Writes
// bench/data/plan-{400,2000,10000}.json, the sample web/samples/gd-many-records.json with its records
// repeated under new ids until the file holds that many (as tests/browser/large.test.mjs makes its
// large files), then times plan() of wasm/engine.mjs under Node on each, as the page calls it.
// The native figures: build/bench/nvcheck_bench --plan bench/data/plan-*.json.
//
//   node bench/plan_bench.mjs [--seconds S] [--write-only]   (NVCHECK_WASM_DIR: default build-wasm/wasm)
//
// Best and median of calls until about S seconds (default 1.5) are spent. Prints figures, asserts nothing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WASM_DIR = path.resolve(process.env.NVCHECK_WASM_DIR || path.join(ROOT, 'build-wasm/wasm'));
const OUT = path.join(ROOT, 'bench', 'data');
const args = process.argv.slice(2);
const seconds = args.includes('--seconds') ? Number(args[args.indexOf('--seconds') + 1]) : 1.5;
const LISTS = ['administrative_penalties', 'administrative_coercions', 'judgments', 'criminal_cases',
  'self_regulatory_violations', 'community_violations', 'certification_violations',
  'contract_complaints', 'commitment_complaints', 'risk_list_entries'];

function manyRecords(n) {
  const doc = JSON.parse(fs.readFileSync(path.join(ROOT, 'web', 'samples', 'gd-many-records.json'), 'utf8'));
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

fs.mkdirSync(OUT, { recursive: true });
const files = [400, 2000, 10000].map((n) => {
  const file = path.join(OUT, `plan-${n}.json`);
  fs.writeFileSync(file, `${JSON.stringify(manyRecords(n))}\n`);
  return [n, file];
});
console.log(`wrote ${files.map(([, f]) => path.relative(process.cwd(), f)).join(', ')}`);
if (args.includes('--write-only')) process.exit(0);

const engine = await import(pathToFileURL(path.join(WASM_DIR, 'engine.mjs')).href);
await engine.load({ wasmBinary: fs.readFileSync(path.join(WASM_DIR, 'nvcheck.wasm')) });
engine.rulesSummary();
const options = { lang: 'en', today: '2026-11-24' };
for (const [n, file] of files) {
  const text = fs.readFileSync(file, 'utf8');
  const first = JSON.parse(engine.plan(text, options));  // warm-up
  const ms = [];
  const t0 = performance.now();
  do {
    const s = performance.now();
    engine.plan(text, options);
    ms.push(performance.now() - s);
  } while (performance.now() - t0 < seconds * 1000 || ms.length < 3);
  ms.sort((a, b) => a - b);
  console.log(`${n} records, ${(first.actions || []).length} actions: module plan() ${ms[0].toFixed(2)} ms ` +
              `(best of ${ms.length}; median ${ms[ms.length >> 1].toFixed(2)}) [${path.relative(process.cwd(), WASM_DIR)}]`);
}
