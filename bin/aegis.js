#!/usr/bin/env node
// The CLI entry: registers the TypeScript loader (swc, with decorator metadata from tsconfig.json)
// and hands over to src/main.ts, so a fresh clone runs without a build step.
'use strict';
const path = require('path');
require('@swc-node/register');
require(path.join(__dirname, '..', 'src', 'main.ts')).main(process.argv.slice(2));
