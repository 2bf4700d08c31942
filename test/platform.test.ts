import { spawn, execFile, ChildProcess } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import request from 'supertest';
import { startApp, TestApp } from './helpers';
import { loadConfig } from '../src/config';
import { freePort } from '../src/db/embedded';
import { createServer } from '../src/server';
import { AppError, fromDatabaseError } from '../src/lib/errors';
import { toCamel, toSnake } from '../src/lib/naming';
import { errorText } from '../src/lib/log';

const BIN = path.join(__dirname, '..', 'bin', 'aegis.js');

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

describe('database', () => {
  it('has exactly the schema the entities describe once migrated', async () => {
    const diff = await t.orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false });
    expect(diff.trim()).toBe('');
  });

  it('maps PostgreSQL errors to Medusa types', () => {
    const unique = Object.assign(new Error('dup'), { code: '23505', severity: 'ERROR', detail: 'Key (email)=(a@b.c) already exists.', table: 'user' });
    expect(fromDatabaseError(unique)).toMatchObject({ type: 'duplicate_error', code: 'invalid_request_error', message: 'User with email a@b.c already exists.' });
    expect(fromDatabaseError(Object.assign(new Error('ser'), { code: '40001', severity: 'ERROR' }))?.type).toBe('conflict');
    expect(fromDatabaseError(new Error('other'))).toBeUndefined();
  });
});

describe('logs', () => {
  it('blank the values of SQL quoted in errors', () => {
    const err = new Error(`insert into "user" ("email", "password_hash") values ('a@b.c', 'scrypt$abc$def') - boom`);
    const text = errorText(err);
    expect(text).toContain('insert into "user" ("email", "password_hash") values (\'?\', \'?\') - boom');
    expect(text).not.toContain('scrypt');
  });
});

describe('naming', () => {
  it('converts between GraphQL and REST names', () => {
    expect(toSnake('createdAt')).toBe('created_at');
    expect(toSnake('address1')).toBe('address_1');
    expect(toSnake('iso2')).toBe('iso_2');
    expect(toCamel('symbol_native')).toBe('symbolNative');
    expect(toCamel('address_1')).toBe('address1');
  });
});

describe('admin paths not served', () => {
  it('answers an admin path it does not serve with 401 before login and 404 after', async () => {
    // Routed by Medusa behind a feature flag, outside the contract: never served here.
    const before = await t.http.get('/admin/analytics-configs');
    expect(before.status).toBe(401);
    expect(before.text).toBe('Unauthorized');
    const after = await t.http.get('/admin/analytics-configs').set(t.auth);
    expect(after.status).toBe(404);
    expect(after.body.type).toBe('not_found');
  });
});

describe('lists cost a fixed number of queries', () => {
  it('GET /admin/users costs the same for 1 and 20 rows', async () => {
    for (let i = 0; i < 5; i++) await t.http.post('/admin/users').set(t.auth).send({ email: `u${i}@example.com`, password: 'pw' });
    const one = await t.countQueries(() => t.http.get('/admin/users?limit=1').set(t.auth));
    const many = await t.countQueries(() => t.http.get('/admin/users?limit=20').set(t.auth));
    expect(one).toBe(many);
    expect(many).toBeLessThanOrEqual(4);
  });
});

describe('GraphQL protections', () => {
  it('refuses over-deep queries, fragments included', async () => {
    const query = '{ store { currencies { code } } }';
    expect((await t.gql(query)).errors).toBeUndefined();
    const shallow = await appWith({ maxQueryDepth: 1 });
    for (const q of [query, 'query { ...F } fragment F on Query { store { currencies { code } } }']) {
      const res = await request(shallow).post('/graphql').set(t.auth).send({ query: q });
      expect(res.body.errors[0].message).toBe('Query is too deep: depth 2 exceeds the maximum of 1.');
      expect(res.body.data).toBeUndefined();
    }
  });

  it('refuses over-expensive queries, counting list limits', async () => {
    const cheap = await t.gql('{ currencies(limit: 100) { items { code } } }');
    expect(cheap.errors).toBeUndefined();
    // A page of 1000 products costs 1000 times what each selects (variants: an assumed 10).
    const aliases = Array.from({ length: 10 }, (_, i) => `c${i}: products(limit: 1000) { items { variants { id } } }`).join(' ');
    const res = await t.gql(`{ ${aliases} }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].message).toMatch(/Query is too expensive: cost \d+ exceeds the maximum of 50000/);
    expect(res.errors?.[0].extensions.type).toBe('invalid_data');
  });

  it('keeps CSRF prevention on', async () => {
    const res = await t.http.post('/graphql').set(t.auth).set('content-type', 'text/plain').send('{"query":"{ store { name } }"}');
    expect(res.status).toBe(400);
    const get = await t.http.get('/graphql?query=%7B__typename%7D').set(t.auth);
    expect(get.status).toBe(400);
    const ok = await t.http.get('/graphql?query=%7B__typename%7D').set(t.auth).set('apollo-require-preflight', 'true');
    expect(ok.status).toBe(200);
  });

  it('turns introspection off in production', async () => {
    const query = '{ __schema { queryType { name } } }';
    expect((await t.gql(query)).data.__schema.queryType.name).toBe('Query');
    const prod = await appWith({ isProduction: true });
    const res = await request(prod).post('/graphql').set(t.auth).send({ query });
    expect(res.body.errors[0].message).toMatch(/introspection/i);
  });

  it('hides internals of unexpected errors from both doors', async () => {
    const res = await t.http.get('/admin/users?limit=5000').set(t.auth);
    expect(res.status).toBe(400);
    expect(new AppError('invalid_data', 'x').extensions).toEqual({ code: 'invalid_data', type: 'invalid_data' });
  });
});

const extraApps: { close(): Promise<void> }[] = [];
afterAll(async () => { for (const a of extraApps) await a.close(); });
async function appWith(overrides: object) {
  const server = await createServer(t.orm, { ...t.config, ...overrides }, t.orm.config.get('clientUrl') as string);
  extraApps.push(server);
  return server.app;
}

describe('configuration', () => {
  it('refuses default secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET and COOKIE_SECRET must be set/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a', COOKIE_SECRET: 'b' }).isProduction).toBe(true);
    expect(loadConfig({}).port).toBe(9000);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow();
  });
});

/** `npm start` on a machine with no database: embedded PostgreSQL, data kept between runs. */
describe('npm start with no DATABASE_URL', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aegis-start-'));
  fs.chmodSync(dataDir, 0o755);
  const env = { ...process.env, AEGIS_DATA_DIR: dataDir, NODE_ENV: 'development', LOG_LEVEL: 'info' } as NodeJS.ProcessEnv;
  delete env.DATABASE_URL;
  let server: ChildProcess | undefined;
  let output = '';
  afterAll(() => { server?.kill('SIGKILL'); });

  async function start(port: number): Promise<number> {
    const began = Date.now();
    output = '';
    server = spawn(process.execPath, [BIN, 'start'], { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout!.on('data', (d) => { output += d; });
    server.stderr!.on('data', (d) => { output += d; });
    for (;;) {
      if (Date.now() - began > 90_000) throw new Error(`server did not start:\n${output}`);
      // ready: health answers, and the start-up line (printed right after listen) is out
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
      if (ok && output.includes('Aegis ready')) return Date.now() - began;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async function stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => server!.once('exit', (code) => resolve(code)));
    server!.kill('SIGTERM');
    return exited;
  }

  it('starts, creates a user from the CLI, stops cleanly, and keeps the data across restarts', async () => {
    const port = await freePort();
    const coldMs = await start(port);
    // eslint-disable-next-line no-console
    console.log(`cold start (initdb + migrations) ${coldMs} ms`);
    expect(output).toContain(`http://localhost:${port}/graphql`);
    expect(output).toContain(`http://localhost:${port}/admin`);

    await promisify(execFile)(process.execPath, [BIN, 'user', '--email', 'cli@example.com', '--password', 'pw-cli'], { env });
    await promisify(execFile)(process.execPath, [BIN, 'seed'], { env });
    const login = await fetch(`http://127.0.0.1:${port}/admin/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'cli@example.com', password: 'pw-cli' }) });
    expect(login.status).toBe(200);
    expect(await stop()).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    const warmMs = await start(port);
    // eslint-disable-next-line no-console
    console.log(`warm start ${warmMs} ms`);
    const { access_token }: any = await (await fetch(`http://127.0.0.1:${port}/admin/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'cli@example.com', password: 'pw-cli' }) })).json();
    const store: any = await (await fetch(`http://127.0.0.1:${port}/admin/store`, { headers: { authorization: `Bearer ${access_token}` } })).json();
    expect(store.store.name).toBe('Aegis Demo Store');
    expect(store.store.currencies.map((c: any) => c.code).sort()).toEqual(['eur', 'gbp', 'usd']);
    expect(output).toMatch(/"status":200/);
    expect(output).not.toContain('pw-cli');
    expect(await stop()).toBe(0);
  }, 180_000);

  it('runs several workers on one port with WEB_CONCURRENCY, and stops them all', async () => {
    const port = await freePort();
    env.WEB_CONCURRENCY = '2';
    try {
      await start(port);
    } finally {
      delete env.WEB_CONCURRENCY;
    }
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`http://127.0.0.1:${port}/admin/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close' }, body: JSON.stringify({ email: 'cli@example.com', password: 'pw-cli' }) });
      expect(res.status).toBe(200);
    }
    expect(output).toContain('"workers":2');
    expect(await stop()).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 120_000);
});
