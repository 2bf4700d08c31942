import request from 'supertest';
import { Client } from 'pg';
import { startApp, TestApp, ADMIN } from './helpers';

// Issue 9: "A database restart must not kill the process." PostgreSQL ends every connection of
// the app (as a restart or a failover does); the process keeps running, answers 503 while the
// database refuses connections, and serves again by itself once it accepts them.
let t: TestApp;
let admin: Client;
let dbName: string;
beforeAll(async () => {
  t = await startApp();
  dbName = new URL(t.databaseUrl).pathname.slice(1);
  admin = new Client({ connectionString: process.env.AEGIS_TEST_SERVER_URL });
  await admin.connect();
});
afterAll(async () => {
  await admin.query(`alter database "${dbName}" allow_connections true`).catch(() => undefined);
  await admin.end();
  await t.close();
});

const terminateAll = () => admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [dbName]);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function eventually(check: () => Promise<boolean>, ms = 15000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('did not recover');
    await pause(200);
  }
}

describe('database outage', () => {
  it('survives terminated connections of every pool and serves again', async () => {
    const agent = request.agent(t.server.app);
    expect((await agent.post('/admin/auth').send(ADMIN)).status).toBe(200);
    expect((await agent.get('/admin/store')).status).toBe(200);
    expect((await t.http.get('/admin/store').set(t.auth)).status).toBe(200);

    const crashes: unknown[] = [];
    const onCrash = (err: unknown) => crashes.push(err);
    process.on('uncaughtException', onCrash);
    try {
      await terminateAll();
      await pause(500);
      // Every pool had idle connections that just died: nothing may crash, and the next requests work.
      await eventually(async () => (await agent.get('/admin/store')).status === 200);
      await eventually(async () => (await t.http.get('/admin/store').set(t.auth)).status === 200);
      expect((await t.gql('{ store { id } }')).errors).toBeUndefined();
    } finally {
      process.off('uncaughtException', onCrash);
    }
    expect(crashes).toEqual([]);
  });

  it('answers 503 with a clear message while the database refuses connections, then recovers', async () => {
    await admin.query(`alter database "${dbName}" allow_connections false`);
    try {
      await terminateAll();
      await pause(300);
      const rest = await t.http.get('/admin/store').set(t.auth);
      expect(rest.status).toBe(503);
      expect(rest.body.message).toMatch(/database is unavailable/i);
      const gql = await t.gql('{ store { id } }');
      expect(gql.status).toBe(503);
      expect(gql.errors?.[0].message).toMatch(/database is unavailable/i);
    } finally {
      await admin.query(`alter database "${dbName}" allow_connections true`);
    }
    await eventually(async () => (await t.http.get('/admin/store').set(t.auth)).status === 200);
  });
});
