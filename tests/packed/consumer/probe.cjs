/* global require */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose */
// Requires every `exports` subpath of the installed packages (CJS); prints { specifier: names }.
const { readFileSync } = require('node:fs');

const found = {};
for (const name of process.argv.slice(2)) {
  const manifest = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8'));
  for (const subpath of Object.keys(manifest.exports)) {
    if (subpath.endsWith('.json')) continue;
    const specifier = subpath === '.' ? name : `${name}${subpath.slice(1)}`;
    found[specifier] = Object.keys(require(specifier)).sort();
  }
}
process.stdout.write(JSON.stringify(found));
