#!/usr/bin/env node
// The CLI entry. The server runs from a build in dist/ (plain JavaScript, no compiler in memory),
// made by bin/build.js whenever the sources changed, so a fresh clone needs no build step. The
// developer commands that write into the sources run from the TypeScript directly.
'use strict';
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const FROM_SOURCE = new Set(['print-schema', 'migration:create']);
const args = process.argv.slice(2);

if (FROM_SOURCE.has(args[0])) {
  require('@swc-node/register');
  require(path.join(ROOT, 'src', 'main.ts')).main(args);
} else {
  const { isFresh } = require('./build');
  // The build runs in its own process, so its compiler's memory is not kept by the server.
  if (!isFresh()) {
    const result = spawnSync(process.execPath, [path.join(__dirname, 'build.js')], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
  require(path.join(ROOT, 'dist', 'src', 'main.js')).main(args);
}
