// The page's first paint waits for app.js and every module it imports (blocking="render"), and
// its first verdict for the engine's modules: a module the browser finds only when the one that
// imports it has arrived costs a round trip more on a phone's network (issue 13's Lighthouse
// target). So index.html preloads every module of the built site's module graph, from each of its
// module scripts, and nothing else: this test reads the graph from the built files themselves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const siteDir = process.env.NVCHECK_SITE_DIR || path.join(root, 'dist', 'site');

/** The site-relative files `file` imports statically (`import ... from './x.js'`, `import './x.js'`). */
function importsOf(file) {
  const text = fs.readFileSync(path.join(siteDir, file), 'utf8');
  const found = new Set();
  for (const m of text.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{}\s,$]+\s*from\s*)?['"](\.{1,2}\/[^'"]+)['"]/g)) {
    found.add(path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1])));
  }
  return [...found];
}

test('browser.preload index.html preloads every module of its module graph, and only those', () => {
  const page = fs.readFileSync(path.join(siteDir, 'index.html'), 'utf8');
  const scripts = [...page.matchAll(/<script type="module"[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
  const preloads = [...page.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(scripts.includes('app.js'), 'app.js is a module script of the page');
  const graph = new Set();
  const todo = [...scripts];
  while (todo.length > 0) {
    const f = todo.pop();
    for (const d of importsOf(f)) {
      if (!graph.has(d) && !scripts.includes(d)) {
        graph.add(d);
        todo.push(d);
      }
    }
  }
  assert.ok(graph.size >= 10, `the graph was read (${[...graph].join(', ')})`);
  for (const f of graph) assert.ok(fs.existsSync(path.join(siteDir, f)), `${f} is in the site`);
  assert.deepEqual([...graph].filter((f) => !preloads.includes(f)).sort(), [], 'modules not preloaded');
  assert.deepEqual(preloads.filter((f) => !graph.has(f)).sort(), [], 'preloads of files no module imports');
  assert.equal(new Set(preloads).size, preloads.length, 'each preloaded once');
});
