// bench_wasm.mjs: times the WebAssembly door under Node as the page calls it (a JS string in, a JS
// string out, through wasm/engine.mjs), next to the floor: V8's JSON.parse of the same texts.
//
//   node bench/bench_wasm.mjs FILE.jsonl... [--seconds S] [--lang L] [--json]
//   (NVCHECK_WASM_DIR: the built module, default build-wasm/wasm)
//
// For each file: one warm-up pass (which counts the verdicts and hashes the output lines, to
// compare with the native CLI's `check --jsonl`), then JSON.parse of every line for about S
// seconds, then evaluate() of every line for about S seconds (best of rounds of 0.1 s, with the
// median). Prints figures, asserts nothing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WASM_DIR = path.resolve(process.env.NVCHECK_WASM_DIR || path.join(ROOT, 'build-wasm/wasm'));

const args = process.argv.slice(2);
const files = [];
let seconds = 1.5;
let lang = 'en';
let json = false;
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--seconds') seconds = Number(args[++i]);
  else if (args[i] === '--lang') lang = args[++i];
  else if (args[i] === '--json') json = true;
  else files.push(args[i]);
}
if (files.length === 0) {
  console.error('usage: node bench/bench_wasm.mjs FILE.jsonl... [--seconds S] [--lang L] [--json]');
  process.exit(2);
}

const engine = await import(pathToFileURL(path.join(WASM_DIR, 'engine.mjs')).href);
await engine.load({ wasmBinary: fs.readFileSync(path.join(WASM_DIR, 'nvcheck.wasm')) });
engine.rulesSummary();  // the built-in rules are read on first use
const rssLoaded = Math.round(process.memoryUsage().rss / 1024);  // Node + the module, before any data
// What the page passes: the language and its local date (used only when a file has no date).
const options = { lang, today: '2026-11-24' };

// Runs body over all lines in rounds of at least 0.1 s until about `seconds` are spent. Returns
// microseconds per line of the best round (least disturbed by other processes) and the median.
function time(lines, body) {
  const rounds = [];
  let done = 0;
  let sink = 0;
  const t0 = process.hrtime.bigint();
  let elapsed = 0;
  do {
    const r0 = process.hrtime.bigint();
    let n = 0;
    let r = 0;
    do {
      for (const line of lines) sink += body(line);
      n += lines.length;
      r = Number(process.hrtime.bigint() - r0) / 1e9;
    } while (r < 0.1);
    rounds.push((r * 1e6) / n);
    done += n;
    elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  } while (elapsed < seconds);
  if (Number.isNaN(sink)) console.error('(no output)');
  rounds.sort((a, b) => a - b);
  return { us: rounds[0], median: rounds[rounds.length >> 1], perSecond: 1e6 / rounds[0], runs: done, elapsed };
}

for (const file of files) {
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0);
  const verdicts = { pass: 0, fail: 0, invalid: 0 };
  const hash = crypto.createHash('sha256');
  let outBytes = 0;
  for (const line of lines) {
    const out = engine.evaluate(line, options);
    hash.update(out);
    hash.update('\n');
    outBytes += Buffer.byteLength(out);
    verdicts[JSON.parse(out).verdict]++;
  }
  const inBytes = lines.reduce((s, l) => s + Buffer.byteLength(l), 0);
  const floor = time(lines, (line) => (JSON.parse(line) ? 1 : 0));
  const wasm = time(lines, (line) => engine.evaluate(line, options).length);
  const usage = process.resourceUsage();
  const figures = {
    door: 'wasm', file, enterprises: lines.length,
    input_kib: +(inBytes / lines.length / 1024).toFixed(2), output_kib: +(outBytes / lines.length / 1024).toFixed(2),
    floor_us: +floor.us.toFixed(2), us_per_enterprise: +wasm.us.toFixed(2), median_us: +wasm.median.toFixed(2), per_second: Math.round(wasm.perSecond),
    runs: wasm.runs, seconds: +wasm.elapsed.toFixed(3),
    peak_rss_kib: usage.maxRSS, rss_loaded_kib: rssLoaded,
    verdicts, output_sha256: hash.digest('hex'),
  };
  if (json) {
    console.log(JSON.stringify(figures));
  } else {
    console.log(`${file}: ${lines.length} enterprises (${figures.input_kib} KiB in, ${figures.output_kib} KiB out each; ` +
                `${verdicts.pass} pass, ${verdicts.fail} fail, ${verdicts.invalid} invalid)`);
    console.log(`  JSON.parse floor: ${floor.us.toFixed(2)} us per enterprise (best round; median ${floor.median.toFixed(2)})`);
    console.log(`  wasm evaluate:    ${wasm.us.toFixed(2)} us per enterprise (median ${wasm.median.toFixed(2)}), ${figures.per_second} enterprises/s ` +
                `(${(wasm.us / floor.us).toFixed(1)}x the floor)`);
    console.log(`  peak RSS ${usage.maxRSS} KiB (Node, the module and the data; ${rssLoaded} KiB once the module was loaded)`);
  }
}
