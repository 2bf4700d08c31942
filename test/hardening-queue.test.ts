import { spawn, ChildProcess } from 'child_process';
import path from 'path';
import { Client } from 'pg';
import { startApp, TestApp } from './helpers';
import { freePort } from '../src/db/embedded';
import { enqueue, Worker } from '../src/lib/queue';
import { EVENTS_QUEUE } from '../src/lib/events';
import { Notification } from '../src/entities/notifications';
import { subscribers } from '../src/services/notifications';

const BIN = path.join(__dirname, '..', 'bin', 'aegis.js');

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

const waitFor = async (check: () => Promise<boolean>, ms = 30000) => {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** A worker on a queue of its own that records what it ran; `fail` first failures. */
function recorder(queue: string, fail = 0) {
  const seen: any[] = [];
  let failures = 0;
  const worker: Worker = {
    queue,
    options: { retryLimit: 2 },
    handler: async (data) => {
      seen.push(data);
      if (failures++ < fail) throw new Error('not yet');
    },
  };
  return { worker, seen };
}

const jobsIn = async (queue: string) =>
  (await t.em().getConnection().execute(`select state, singleton_key from pgboss.job where name = ? order by created_on`, [queue])) as { state: string; singleton_key: string | null }[];

describe('job queue', () => {
  it('writes a job in the caller\'s transaction: a rollback leaves none, a commit runs it once', async () => {
    const { worker, seen } = recorder('test-tx');
    await t.server.bus.queue.work(worker, { orm: t.orm, log: () => {} });
    const ctx = t.ctx();
    await expect(ctx.em.transactional(async (em) => {
      ctx.em = em as any;
      await enqueue(ctx, 'test-tx', { n: 1 });
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect(await jobsIn('test-tx')).toEqual([]);

    const next = t.ctx();
    const id = await next.em.transactional(async (em) => { next.em = em as any; return enqueue(next, 'test-tx', { n: 2 }); });
    t.server.bus.queue.wake('test-tx');
    await t.server.bus.queue.settled([id]);
    expect(seen).toEqual([{ n: 2 }]);
    await waitFor(async () => (await jobsIn('test-tx')).every((j) => j.state === 'completed'));
  });

  it('retries a failed handler', async () => {
    const { worker, seen } = recorder('test-retry', 1);
    await t.server.bus.queue.work(worker, { orm: t.orm, log: () => {} });
    const ctx = t.ctx();
    await ctx.em.transactional(async (em) => { ctx.em = em as any; await enqueue(ctx, 'test-retry', { n: 1 }); });
    t.server.bus.queue.wake('test-retry');
    await waitFor(async () => seen.length === 2);
    await waitFor(async () => (await jobsIn('test-retry'))[0]?.state === 'completed');
  });

  it('keeps one waiting job per singleton key', async () => {
    const ctx = t.ctx();
    const ids = await Promise.all([1, 2, 3].map(() => {
      const c = t.ctx();
      return c.em.transactional(async (em) => { c.em = em as any; return enqueue(c, 'test-single', { n: 1 }, { singletonKey: 'k1', startAfter: new Date(Date.now() + 60000) }); });
    }));
    expect(new Set(ids).size).toBe(1);
    await ctx.em.transactional(async (em) => { ctx.em = em as any; await enqueue(ctx, 'test-single', { n: 2 }, { singletonKey: 'k2' }); });
    expect((await jobsIn('test-single')).map((j) => j.singleton_key)).toEqual(['k1', 'k2']);
  });
});

describe('durable domain events', () => {
  it('records a notification once per event, however often it is delivered', async () => {
    const [sub] = subscribers.filter((s) => s.event === 'invite.created');
    const event = { id: 'evt_twice', name: 'invite.created', data: { id: 'invite_x', user_email: 'twice@example.com', token: 'x' } };
    await Promise.all([sub.handler(event, { orm: t.orm, log: () => {} }), sub.handler(event, { orm: t.orm, log: () => {} })]);
    await sub.handler(event, { orm: t.orm, log: () => {} });
    expect(await t.em().count(Notification, { to: 'twice@example.com' })).toBe(1);
  });

  it('writes events with the change: a failed mutation emits nothing', async () => {
    const before = t.events.length;
    const res = await t.http.post('/admin/invites').set(t.auth).send({ user: 'admin@aegis.test', role: 'member' });
    expect(res.status).toBe(400);
    expect(t.events.length).toBe(before);
    expect((await jobsIn(EVENTS_QUEUE)).filter((j) => j.state !== 'completed')).toEqual([]);
  });

  it('delivers a failing handler\'s event again until it succeeds', async () => {
    let calls = 0;
    t.server.bus.subscribe('sales_channel.created', () => { if (++calls === 1) throw new Error('flaky provider'); });
    const res = await t.http.post('/admin/sales-channels').set(t.auth).send({ name: 'retry-channel' });
    expect(res.status).toBe(200);
    await waitFor(async () => calls === 2);
    expect(t.events.filter((e) => e.name === 'sales_channel.created' && e.data.id === res.body.sales_channel.id)).toHaveLength(1);
  });

  it('two server processes on one database deliver each event once', async () => {
    const a = await startApp({ waitForEvents: false });
    const b = await startApp({ waitForEvents: false }, a.databaseUrl);
    try {
      const emails = Array.from({ length: 12 }, (_, i) => `pair${i}@example.com`);
      await Promise.all(emails.map((user, i) => (i % 2 ? a : b).http.post('/admin/invites').set(a.auth).send({ user, role: 'member' })));
      const delivered = () => [...a.events, ...b.events].filter((e) => e.name === 'invite.created');
      await waitFor(async () => delivered().length >= emails.length);
      await new Promise((r) => setTimeout(r, 500));
      expect(delivered()).toHaveLength(emails.length);
      expect(new Set(delivered().map((e) => e.id)).size).toBe(emails.length);
      const rows = await a.em().find(Notification, { eventName: 'invite.created', to: { $in: emails } });
      expect(rows.map((r) => r.to).sort()).toEqual([...emails].sort());
    } finally {
      await b.close();
      await a.close();
    }
  });

  describe('a server killed with -9 right after a commit', () => {
    const children: ChildProcess[] = [];
    afterAll(() => { for (const c of children) c.kill('SIGKILL'); });

    function run(args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string } {
      let output = '';
      const child = spawn(process.execPath, [BIN, ...args], {
        env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', EVENT_TIMEOUT_SECONDS: '2', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (d) => { output += d; });
      child.stderr!.on('data', (d) => { output += d; });
      children.push(child);
      return { child, output: () => output };
    }

    it('does not lose its invite.created notification: another process delivers it', async () => {
      const app = await startApp({ runJobs: false });
      const port = await freePort();
      const server = run(['start'], { DATABASE_URL: app.databaseUrl, PORT: String(port) });
      const lock = new Client({ connectionString: app.databaseUrl });
      try {
        await waitFor(async () => server.output().includes('Aegis ready'), 90000);
        // Recording the notification waits on this lock, so the process is killed while
        // delivering: after the invite committed, before its notification exists.
        await lock.connect();
        await lock.query('begin');
        await lock.query('lock table notification in share mode');
        const res = await fetch(`http://127.0.0.1:${port}/admin/invites`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...app.auth },
          body: JSON.stringify({ user: 'killed@example.com', role: 'member' }),
        });
        expect(res.status).toBe(200);
        await waitFor(async () => (await lock.query(`select count(*)::int as n from pg_locks l join pg_class c on c.oid = l.relation where c.relname = 'notification' and not l.granted`)).rows[0].n > 0);
        server.child.kill('SIGKILL');
        await new Promise((r) => server.child.once('exit', r));
        await lock.query('rollback');
        expect(await app.em().count(Notification, { to: 'killed@example.com' })).toBe(0);

        const worker = run(['worker'], { DATABASE_URL: app.databaseUrl });
        await waitFor(async () => (await app.em().count(Notification, { to: 'killed@example.com' })) > 0, 60000);
        await new Promise((r) => setTimeout(r, 3000));
        expect(await app.em().count(Notification, { to: 'killed@example.com', eventName: 'invite.created' })).toBe(1);
        const exited = new Promise((r) => worker.child.once('exit', r));
        worker.child.kill('SIGTERM');
        expect(await exited).toBe(0);
      } finally {
        await lock.end().catch(() => undefined);
        await app.close();
      }
    }, 180000);
  });
});
