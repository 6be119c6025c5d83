// Imports every `exports` subpath of the installed packages (ESM); prints { specifier: names }.
import { readFileSync } from 'node:fs';

const found = {};
for (const name of process.argv.slice(2)) {
  const manifest = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8'));
  for (const subpath of Object.keys(manifest.exports)) {
    if (subpath.endsWith('.json')) continue;
    const specifier = subpath === '.' ? name : `${name}${subpath.slice(1)}`;
    found[specifier] = Object.keys(await import(specifier)).sort();
  }
}
process.stdout.write(JSON.stringify(found));
