// The page in webkit (see engines.mjs and scenario.mjs).
import { scenario } from './scenario.mjs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webkit, webkitPlain } from './engines.mjs';
import { startSite } from './site.mjs';

scenario(webkit);

// The driven session above is ephemeral (no disk cache), so there the worker asks again for what
// the page loaded. A person's WebKit keeps a disk cache: in such a session each file of the site
// is fetched once, by the page or by its worker.
test('in a persistent WebKit session each file of the site is fetched once, by the page or its worker', async () => {
  const site = await startSite();
  const browser = await webkitPlain(site.url);
  try {
    const file = (r) => (r.path === '/' ? '/index.html' : r.path);
    const all = () => site.files.every((f) => site.requests.some((r) => file(r) === '/' + f));
    const end = Date.now() + 60000;
    while (!all() && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
    assert.ok(all(), `not every file was fetched: ${JSON.stringify(site.requests.map((r) => r.path))}`);
    await new Promise((r) => setTimeout(r, 1000));  // any late request would have gone out
    const count = new Map();
    for (const r of site.requests) if (r.path !== '/sw.js') count.set(file(r), (count.get(file(r)) || 0) + 1);
    assert.deepEqual([...count].filter(([, n]) => n !== 1).map(([p, n]) => `${p} x${n}`), [], JSON.stringify(site.requests.map((r) => r.path)));
    assert.deepEqual(site.requests.filter((r) => r.path === '/sw.js' && !r.worker), []);
    assert.deepEqual(site.requests.filter((r) => r.path !== '/sw.js' && r.status !== 200), []);
  } finally {
    await browser.close();
    await site.close();
  }
});
