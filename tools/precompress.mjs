#!/usr/bin/env node
// Writes a brotli (.br) and a gzip (.gz) copy beside every text file of the built site
// (tools/build-site.sh runs it); tools/serve.mjs sends them to a browser that accepts them. A
// copy that would not be smaller is not written.
//
//   node tools/precompress.mjs DIR
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = path.resolve(process.argv[2] || 'dist/site');
const TEXT = /\.(html|js|mjs|css|json|webmanifest|svg|txt|wasm)$/;

let count = 0;
let before = 0;
let after = 0;
function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) { walk(p); continue; }
    if (!TEXT.test(e.name)) continue;
    const raw = fs.readFileSync(p);
    const br = zlib.brotliCompressSync(raw, { params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
    const gz = zlib.gzipSync(raw, { level: 9 });
    before += raw.length;
    let best = raw.length;
    if (br.length < raw.length) { fs.writeFileSync(p + '.br', br); count += 1; best = Math.min(best, br.length); }
    if (gz.length < raw.length) { fs.writeFileSync(p + '.gz', gz); count += 1; best = Math.min(best, gz.length); }
    after += best;
  }
}
walk(dir);
process.stdout.write(`precompress: ${count} copies, ${before} bytes of text, ${after} sent with brotli\n`);
