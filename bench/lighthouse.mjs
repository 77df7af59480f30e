#!/usr/bin/env node
// Lighthouse 12 on the built page, mobile and desktop: PRINTS the scores (performance,
// accessibility, best practices), the metrics behind performance and every audit that did not
// pass. A benchmark, not a test: nothing is asserted. Issue 13's targets: mobile performance at
// least 90, accessibility 100.
//
//   (cd bench/lighthouse && npm ci)    # lighthouse@12.2.3; PUPPETEER_SKIP_DOWNLOAD=1, no browser download
//   tools/build-site.sh && node bench/lighthouse.mjs [--runs N] [--json]
//
// It starts tools/serve.mjs for dist/site (NVCHECK_SITE_DIR) on a free port and Debian's chromium
// (CHROMIUM, default /usr/bin/chromium) through chrome-launcher's chromePath; each run is a first
// visit (Lighthouse clears the origin's storage and cache). With --runs N each figure is the
// median of N runs. Lighthouse's default throttling is simulated (a slow 4G phone, a 4x slower
// CPU for mobile): the page loads at full speed and the metrics are computed from its trace.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from '../tests/browser/harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SITE = path.resolve(process.env.NVCHECK_SITE_DIR || path.join(ROOT, 'dist', 'site'));
const MODULES = path.join(ROOT, 'bench', 'lighthouse', 'node_modules');
const args = process.argv.slice(2);
const RUNS = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 1) || 1;
const JSON_OUT = args.includes('--json');
// --lhr DIR: every run's full Lighthouse report (lhr) written there, for its diagnostics.
const LHR_DIR = args.includes('--lhr') ? path.resolve(args[args.indexOf('--lhr') + 1]) : null;

function fail(msg) {
  process.stderr.write(`lighthouse bench: ${msg}\n`);
  process.exit(2);
}
if (!fs.existsSync(path.join(SITE, 'index.html'))) fail(`no site in ${SITE}: run tools/build-site.sh first`);
if (!fs.existsSync(path.join(MODULES, 'lighthouse'))) fail('no lighthouse: cd bench/lighthouse && npm ci');

const mod = (p) => import(pathToFileURL(path.join(MODULES, p)).href);
const { default: lighthouse } = await mod('lighthouse/core/index.js');
const { default: desktopConfig } = await mod('lighthouse/core/config/desktop-config.js');
const chromeLauncher = await mod('chrome-launcher/dist/index.js');

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const METRICS = [
  ['first-contentful-paint', 'FCP', 'ms'], ['largest-contentful-paint', 'LCP', 'ms'], ['total-blocking-time', 'TBT', 'ms'],
  ['cumulative-layout-shift', 'CLS', ''], ['speed-index', 'SI', 'ms'],
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function runOnce(url, formFactor) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM || '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run'],
  });
  try {
    const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES };
    const config = formFactor === 'desktop' ? desktopConfig : undefined;
    const res = await lighthouse(url, flags, config);
    return res.lhr;
  } finally {
    await chrome.kill();
  }
}

const { child, url } = await startServer(ROOT, SITE);
const report = {};
try {
  for (const formFactor of ['mobile', 'desktop']) {
    const runs = [];
    for (let i = 0; i < RUNS; i += 1) {
      runs.push(await runOnce(url, formFactor));
      if (LHR_DIR) {
        fs.mkdirSync(LHR_DIR, { recursive: true });
        fs.writeFileSync(path.join(LHR_DIR, `${formFactor}-${i + 1}.json`), JSON.stringify(runs[i]));
      }
    }
    const lhr = runs[0];
    const errors = runs.map((r) => r.runtimeError).filter(Boolean);
    if (errors.length) fail(`${formFactor}: ${errors.map((e) => e.message).join('; ')}`);
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(100 * median(runs.map((r) => r.categories[c].score)))]));
    const metrics = Object.fromEntries(METRICS.map(([id, name]) => [name, median(runs.map((r) => r.audits[id].numericValue))]));
    // The audits that did not pass (in any run), by category.
    const notPassed = {};
    for (const c of CATEGORIES) {
      const ids = new Set();
      for (const r of runs) {
        for (const ref of r.categories[c].auditRefs) {
          const a = r.audits[ref.id];
          if (ref.weight > 0 && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative') ids.add(ref.id);
        }
      }
      notPassed[c] = [...ids].map((id) => `${id} (${lhr.audits[id].displayValue || lhr.audits[id].score})`);
    }
    report[formFactor] = { scores, metrics, notPassed, lighthouse: lhr.lighthouseVersion, chrome: lhr.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] };
  }
} finally {
  child.removeAllListeners('exit');
  child.kill('SIGTERM');
}

if (JSON_OUT) {
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
} else {
  const any = report.mobile;
  process.stdout.write(`Lighthouse ${any.lighthouse}, ${any.chrome}, ${SITE}, ${RUNS} run(s) each (median)\n`);
  for (const [ff, r] of Object.entries(report)) {
    const m = r.metrics;
    process.stdout.write(`${ff.padEnd(8)} performance ${r.scores.performance}  accessibility ${r.scores.accessibility}  ` +
      `best practices ${r.scores['best-practices']}   FCP ${Math.round(m.FCP)} ms  LCP ${Math.round(m.LCP)} ms  ` +
      `TBT ${Math.round(m.TBT)} ms  CLS ${m.CLS.toFixed(3)}  SI ${Math.round(m.SI)} ms\n`);
    for (const [c, list] of Object.entries(r.notPassed)) {
      if (list.length) process.stdout.write(`         ${c} not passed: ${list.join(', ')}\n`);
    }
  }
}
