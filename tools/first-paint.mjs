#!/usr/bin/env node
// Fills the static texts of the page's first paint (dist/site/first-paint.js, web/first-paint.js)
// from the page's strings (web/i18n.js): the keys index.html names in its data-i18n attributes, in
// the three languages, so that the first frame is in the page's language before any module has
// arrived. tools/build-site.sh runs it.
//
//   node tools/first-paint.mjs DIR
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.resolve(process.argv[2] || 'dist/site');
const { allStrings } = await import(pathToFileURL(path.join(root, 'web', 'i18n.js')).href);
const strings = allStrings();
const page = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
const texts = {};
for (const m of page.matchAll(/data-i18n="([^"]+)"/g)) {
  if (!strings[m[1]]) {
    process.stderr.write(`first-paint: index.html names ${m[1]}, which web/i18n.js does not have\n`);
    process.exit(1);
  }
  texts[m[1]] = strings[m[1]];
}
texts['app.title'] = strings['app.title'];
const file = path.join(dir, 'first-paint.js');
const src = fs.readFileSync(file, 'utf8');
const out = src.replace(/^ {2}const TEXTS = \{\};$/m, `  const TEXTS = ${JSON.stringify(texts)};`);
if (out === src) {
  process.stderr.write('first-paint: first-paint.js has no "const TEXTS = {};" line to fill\n');
  process.exit(1);
}
fs.writeFileSync(file, out);
process.stdout.write(`first-paint: ${Object.keys(texts).length} texts\n`);
