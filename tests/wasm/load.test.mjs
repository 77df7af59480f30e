// The adapter's start from a request the caller made (load({fetchWasm}), as the page does with its
// early request for nvcheck.wasm, web/early-fetch.js): compiled while it downloads when the
// response is labelled application/wasm, from its bytes otherwise; an HTTP error or a failed
// request rejects load(), and the next load() asks again.
//
//   node --test tests/wasm/load.test.mjs
// Environment: NVCHECK_WASM_DIR (default build-wasm/wasm).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WASM_DIR = path.resolve(process.env.NVCHECK_WASM_DIR || path.join(ROOT, 'build-wasm/wasm'));
const bytes = fs.readFileSync(path.join(WASM_DIR, 'nvcheck.wasm'));
const adapterUrl = pathToFileURL(path.join(WASM_DIR, 'engine.mjs')).href;
const sample = fs.readFileSync(path.join(ROOT, 'web/samples/hk-complaints.json'), 'utf8');
const opts = { lang: 'en', today: '2026-11-24' };

// A fresh copy of the adapter (its own module state): one per test.
let copies = 0;
const freshAdapter = () => import(`${adapterUrl}?copy=${(copies += 1)}`);
const response = (type, status = 200) => new Response(status === 200 ? bytes : 'missing', { status, headers: { 'content-type': type } });

// What the module gives when started from the bytes (the reference).
const reference = await freshAdapter();
await reference.load({ wasmBinary: bytes });
const expected = reference.evaluate(sample, opts);

test('wasm.load fetchWasm: a response labelled application/wasm starts the engine (streaming compilation)', async () => {
  const engine = await freshAdapter();
  const calls = [];
  await engine.load({ fetchWasm: () => { calls.push('wasm'); return Promise.resolve(response('application/wasm')); } });
  assert.deepEqual(calls, ['wasm']);
  assert.equal(engine.evaluate(sample, opts), expected);
  // Started once: a later load() neither asks again nor starts another module.
  await engine.load({ fetchWasm: () => { calls.push('again'); return Promise.resolve(response('application/wasm')); } });
  assert.deepEqual(calls, ['wasm']);
});

test('wasm.load fetchWasm: a response with another type is compiled from its bytes', async () => {
  const engine = await freshAdapter();
  await engine.load({ fetchWasm: () => Promise.resolve(response('application/octet-stream')) });
  assert.equal(engine.evaluate(sample, opts), expected);
});

test('wasm.load fetchWasm: an HTTP error or a failed request rejects load(); the next load() asks again', async () => {
  const engine = await freshAdapter();
  await assert.rejects(engine.load({ fetchWasm: () => Promise.resolve(response('text/plain', 404)) }), /nvcheck\.wasm: HTTP 404/);
  assert.equal(engine.loaded(), false);
  await assert.rejects(engine.load({ fetchWasm: () => Promise.reject(new Error('offline')) }), /offline/);
  assert.throws(() => engine.evaluate(sample, opts), (err) => err.code === 'not_loaded');
  let asked = 0;
  await engine.load({ fetchWasm: () => { asked += 1; return Promise.resolve(response('application/wasm')); } });
  assert.equal(asked, 1);
  assert.equal(engine.evaluate(sample, opts), expected);
});
