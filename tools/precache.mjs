#!/usr/bin/env node
// Writes the service worker's list of files and the build's version into dist/site/sw.js
// (tools/build-site.sh runs it): every file of the site but the worker itself and the
// precompressed copies, each with the SHA-256 of its bytes (the worker keeps a copy only if it is
// these bytes: the files of this version, never an older copy from the browser's HTTP cache), and
// a version made of their contents, so that a new build is a new sw.js and the browser installs
// it (web/sw.js, web/offline.js, docs/offline.md). Run again on a folder whose files changed, it
// writes the list again (the engine tests add their probe to the page that way).
//
//   node tools/precache.mjs DIR
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { bundledModules } from './site-modules.mjs';

const dir = path.resolve(process.argv[2] || 'dist/site');

function walk(d, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(path.join(d, e.name), r));
    else out.push(r);
  }
  return out;
}

// The modules the page's bundle holds (tools/bundle.mjs, the first line of app.js) are not the
// page's files: the page never asks for them.
const bundled = new Set(bundledModules(dir));
const names = walk(dir).filter((f) => f !== 'sw.js' && !/\.(br|gz)$/.test(f) && !bundled.has(f)).sort();
const files = {};
const hash = crypto.createHash('sha256');
for (const f of names) {
  const bytes = fs.readFileSync(path.join(dir, f));
  files[f] = crypto.createHash('sha256').update(bytes).digest('hex');
  hash.update(f).update('\0').update(bytes).update('\0');
}
const version = hash.digest('hex').slice(0, 16);

const swPath = path.join(dir, 'sw.js');
const src = fs.readFileSync(swPath, 'utf8');
const out = src
  .replace(/^const VERSION = '[^']*';$/m, `const VERSION = '${version}';`)
  .replace(/^const FILES = \{.*\};$/m, `const FILES = ${JSON.stringify(files)};`);
if (!out.includes(`'${version}'`) || !out.includes('"index.html":')) {
  process.stderr.write('precache: sw.js has no VERSION/FILES lines to fill\n');
  process.exit(1);
}
fs.writeFileSync(swPath, out);
process.stdout.write(`precache: ${names.length} files, version ${version}\n`);
