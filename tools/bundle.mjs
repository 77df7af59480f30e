#!/usr/bin/env node
// Joins the built page's files into few (issue 13: Lighthouse mobile; a phone's network pays a
// round trip for each file a module finds only when the one importing it has arrived):
//
// - the page's module app.js and every module it imports into one file, app.js, with esbuild
//   (Debian's `esbuild` package; NVCHECK_ESBUILD names another binary). Kept apart, and shared
//   with early-fetch.js (the engine's start, a script of its own in index.html), are the engine's
//   modules: early-fetch.js, engine.mjs and nvcheck.mjs. The bundle's first line names the
//   modules it holds (`// bundle: a.js b.js ...`): the service worker does not keep them
//   (tools/precache.mjs), and tests/browser/preload.test.mjs reads it. The modules stay in the
//   folder as they are, for whoever imports one of them on its own (the tests do).
//   Without esbuild the modules are left as they are and index.html preloads every one of them
//   (<link rel="modulepreload">), as before, with a warning.
// - the page's style sheets, in their order in index.html, into the first (style.css).
//
//   node tools/bundle.mjs DIR
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { importsOf, bundleHeader } from './site-modules.mjs';

const dir = path.resolve(process.argv[2] || 'dist/site');
const pagePath = path.join(dir, 'index.html');
let page = fs.readFileSync(pagePath, 'utf8');
const KEEP_APART = ['./early-fetch.js', './engine.mjs', './nvcheck.mjs'];

// ---- style sheets ----
const sheets = [...page.matchAll(/^<link rel="stylesheet" href="([^"]+)">\n/gm)];
if (sheets.length > 1) {
  const joined = sheets.map((m) => `/* ${m[1]} */\n` + fs.readFileSync(path.join(dir, m[1]), 'utf8')).join('\n');
  if (/@import\b/.test(joined)) throw new Error('bundle: a style sheet uses @import');
  fs.writeFileSync(path.join(dir, sheets[0][1]), joined);
  for (const m of sheets.slice(1)) {
    page = page.replace(m[0], '');
    fs.rmSync(path.join(dir, m[1]));
  }
}

// ---- modules ----
/** Every module `entry` imports, directly or not, but those kept apart and what they import. */
function graph(entry) {
  const apart = new Set(KEEP_APART.map((f) => f.slice(2)));
  const seen = new Set();
  const todo = [entry];
  while (todo.length) {
    for (const d of importsOf(dir, todo.pop())) {
      if (apart.has(d) || seen.has(d) || d === entry) continue;
      seen.add(d);
      todo.push(d);
    }
  }
  return [...seen].sort();
}

const esbuild = process.env.NVCHECK_ESBUILD || 'esbuild';
const modules = graph('app.js');
const probe = spawnSync(esbuild, ['--version'], { encoding: 'utf8' });
if (probe.status === 0) {
  const out = path.join(dir, 'app.bundle.js');
  const r = spawnSync(esbuild, [path.join(dir, 'app.js'), '--bundle', '--format=esm', '--target=es2020',
    '--minify-whitespace', '--minify-syntax', '--legal-comments=none', '--log-level=warning',
    ...KEEP_APART.map((f) => `--external:${f}`), `--outfile=${out}`], { encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stderr || r.stdout);
    process.exit(1);
  }
  const code = fs.readFileSync(out, 'utf8');
  fs.rmSync(out);
  fs.writeFileSync(path.join(dir, 'app.js'), bundleHeader(modules) + code);
  process.stdout.write(`bundle: app.js holds ${modules.length + 1} modules (${(code.length / 1024).toFixed(0)} KiB), esbuild ${probe.stdout.trim()}\n`);
} else {
  process.stderr.write(`bundle: no esbuild (apt-get install esbuild): ${modules.length + 1} modules left apart, each preloaded\n`);
  const links = modules.map((f) => `<link rel="modulepreload" href="${f}">\n`).join('');
  page = page.replace(/(<script type="module" src="app\.js"><\/script>\n)/, `$1${links}`);
}
fs.writeFileSync(pagePath, page);
