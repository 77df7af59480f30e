// The page's first verdict waits for the engine's modules and for app.js with every module it
// imports: a module the browser finds only when the one that imports it has arrived costs a round
// trip more on a phone's network (issue 13's Lighthouse target). So the built site either holds
// app.js's modules in one file (tools/bundle.mjs: its first line names them) or index.html preloads
// each of them; the engine's modules, kept apart (shared with early-fetch.js), are preloaded; and
// nothing else is. This test reads the module graph from the built files themselves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importsOf as siteImports, bundledModules } from '../../tools/site-modules.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const siteDir = process.env.NVCHECK_SITE_DIR || path.join(root, 'dist', 'site');

const importsOf = (file) => siteImports(siteDir, file);
const bundled = () => bundledModules(siteDir);

test('browser.preload every module of the page is in its bundle or preloaded, and nothing else is preloaded', () => {
  const page = fs.readFileSync(path.join(siteDir, 'index.html'), 'utf8');
  const scripts = [...page.matchAll(/<script type="module"[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
  const preloads = [...page.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(scripts.includes('app.js'), 'app.js is a module script of the page');
  const inBundle = bundled();
  const graph = new Set();
  const todo = [...scripts];
  while (todo.length > 0) {
    const f = todo.pop();
    for (const d of importsOf(f)) {
      assert.ok(!inBundle.includes(d), `${f} imports ${d}, which the bundle holds (it would run twice)`);
      if (!graph.has(d) && !scripts.includes(d)) {
        graph.add(d);
        todo.push(d);
      }
    }
  }
  for (const f of graph) assert.ok(fs.existsSync(path.join(siteDir, f)), `${f} is in the site`);
  assert.ok(graph.has('engine.mjs') && graph.has('nvcheck.mjs'), `the graph was read (${[...graph].join(', ')})`);
  if (inBundle.length) {
    // The bundle holds the page's own modules: what it still imports is the engine's part.
    assert.ok(inBundle.length >= 10 && inBundle.includes('forms.js') && inBundle.includes('i18n.js'), `the bundle holds the page's modules (${inBundle.join(', ')})`);
    for (const f of inBundle) assert.ok(!scripts.includes(f), `${f} is bundled and a script of its own`);
  } else {
    assert.ok(graph.size >= 10, `the graph was read (${[...graph].join(', ')})`);
  }
  assert.deepEqual([...graph].filter((f) => !preloads.includes(f)).sort(), [], 'modules not preloaded');
  assert.deepEqual(preloads.filter((f) => !graph.has(f)).sort(), [], 'preloads of files no module imports');
  assert.equal(new Set(preloads).size, preloads.length, 'each preloaded once');
});

test('browser.preload the bundled modules are not kept by the service worker; everything the page asks for is', () => {
  const inBundle = bundled();
  const files = Object.keys(JSON.parse(fs.readFileSync(path.join(siteDir, 'sw.js'), 'utf8').match(/^const FILES = (\{.*\});$/m)[1]));
  for (const f of inBundle) assert.ok(!files.includes(f), `${f} is in the bundle and in the worker's list`);
  const page = fs.readFileSync(path.join(siteDir, 'index.html'), 'utf8');
  for (const m of page.matchAll(/\s(?:src|href)="([^":#]+)"/g)) assert.ok(files.includes(m[1]), `${m[1]} is in the worker's list`);
});
