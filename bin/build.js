#!/usr/bin/env node
// Compiles the server's TypeScript (src, schema, resolvers, rest) to plain JavaScript under dist/,
// with swc and the same decorator settings as tsconfig.json, so that the running server loads no
// compiler at all. bin/aegis.js runs this when the sources are newer than the last build.
'use strict';
const fs = require('fs');
const path = require('path');
const { transformFileSync } = require('@swc/core');

const ROOT = path.resolve(__dirname, '..');
const SOURCE_DIRS = ['src', 'schema', 'resolvers', 'rest'];
const DIST = path.join(ROOT, 'dist');

const SWC = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  swcrc: false,
};

/** Every .ts source file (relative path) and the newest modification time among them. */
function sources() {
  const files = [];
  let newest = 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        files.push(rel);
        newest = Math.max(newest, fs.statSync(path.join(ROOT, rel)).mtimeMs);
      }
    }
  };
  SOURCE_DIRS.forEach(walk);
  return { files: files.sort(), newest };
}

/** The stamp of the sources a build was made from: their names and newest time. */
function stampOf(src) {
  return JSON.stringify({ newest: src.newest, files: src.files });
}

function isFresh() {
  try {
    return fs.readFileSync(path.join(DIST, '.stamp'), 'utf8') === stampOf(sources());
  } catch {
    return false;
  }
}

/** Builds into a temporary folder and swaps it in, so a concurrent start never sees half a build. */
function build() {
  const src = sources();
  const tmp = `${DIST}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  for (const rel of src.files) {
    const out = path.join(tmp, rel.replace(/\.ts$/, '.js'));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, transformFileSync(path.join(ROOT, rel), SWC).code);
  }
  fs.writeFileSync(path.join(tmp, '.stamp'), stampOf(src));
  fs.rmSync(DIST, { recursive: true, force: true });
  try {
    fs.renameSync(tmp, DIST);
  } catch {
    fs.rmSync(tmp, { recursive: true, force: true }); // another process swapped its build in first
  }
}

module.exports = { isFresh, build };

if (require.main === module) {
  const started = Date.now();
  build();
  console.log(`built dist/ in ${Date.now() - started} ms`);
}
