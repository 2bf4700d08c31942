import { randomBytes } from 'crypto';
import { Client } from 'pg';
import request from 'supertest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig, Config } from '../src/config';
import { openOrm } from '../src/db/orm';
import { createServer, AegisServer } from '../src/server';
import { createContext, Context } from '../src/context';
import { createUser } from '../src/services/users';
import { User, UserRole } from '../src/entities/users';
import type { DomainEvent } from '../src/lib/events';

export const ADMIN = { email: 'admin@aegis.test', password: 'supersecret' };

/** A running app on its own database, cloned from the migrated template. */
export interface TestApp {
  server: AegisServer;
  orm: MikroORM;
  config: Config;
  http: ReturnType<typeof request>;
  /** Headers that authenticate as the test admin (a bearer JWT). */
  auth: Record<string, string>;
  admin: User;
  /**
   * Every domain event delivered to this app since it started, once each. Mutations answer after
   * their events were delivered (`waitForEvents`), so a test reads them right after a request.
   */
  events: DomainEvent[];
  /** The app's database, for a second app or process on the same data. */
  databaseUrl: string;
  /** Runs GraphQL through HTTP, as the admin unless `headers` says otherwise. */
  gql(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ data?: any; errors?: any[]; status: number }>;
  /** SQL statements `work` makes the server run. */
  countQueries(work: () => Promise<unknown>): Promise<number>;
  /** A fresh EntityManager for checking what is really in the database. */
  em(): MikroORM['em'];
  /** A context for calling services directly (set-up of test data). */
  ctx(): Context;
  close(): Promise<void>;
}

/** A new database cloned from the migrated template; its URL. */
export async function newDatabase(): Promise<string> {
  const serverUrl = process.env.AEGIS_TEST_SERVER_URL!;
  const dbName = `aegis_t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${dbName}" template "${process.env.AEGIS_TEST_TEMPLATE}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  return url.toString();
}

/**
 * Starts an app on a fresh database, or on `databaseUrl` (a second app on the same data, as a
 * second server process would be; its admin user is then the one already there).
 */
export async function startApp(overrides: Partial<Config> = {}, databaseUrl?: string): Promise<TestApp> {
  const url = databaseUrl ?? (await newDatabase());

  const counter = { on: false, n: 0 };
  const orm = await openOrm(url.toString(), {
    debug: ['query'],
    logger: () => { if (counter.on) counter.n++; },
    pool: { min: 0, max: 5 },
  } as any);
  const config = { ...loadConfig({ NODE_ENV: 'test' }), waitForEvents: true, ...overrides };
  const server = await createServer(orm, config, url);
  const events: DomainEvent[] = [];
  server.bus.subscribe('*', (e) => { if (!events.some((seen) => seen.id === e.id)) events.push(e); });

  const t: TestApp = {
    server, orm, config, events, databaseUrl: url,
    http: request(server.app),
    auth: {},
    admin: undefined as unknown as User,
    async gql(query, variables = {}, headers = t.auth) {
      const res = await request(server.app).post('/graphql').set(headers).send({ query, variables });
      return { data: res.body.data, errors: res.body.errors, status: res.status };
    },
    async countQueries(work) {
      counter.n = 0;
      counter.on = true;
      try {
        await work();
      } finally {
        counter.on = false;
      }
      return counter.n;
    },
    em: () => orm.em.fork(),
    ctx: () => createContext({ em: orm.em.fork() as any, config, requestId: 'test', bus: server.bus }),
    async close() {
      await server.close();
      await orm.close();
    },
  };
  const ctx = t.ctx();
  t.admin = (await ctx.em.findOne(User, { email: ADMIN.email }))
    ?? (await ctx.em.transactional(async (em) => { ctx.em = em as any; return createUser(ctx, { ...ADMIN, role: UserRole.admin }); }));
  const token = await request(server.app).post('/admin/auth/token').send(ADMIN);
  t.auth = { authorization: `Bearer ${token.body.access_token}` };
  return t;
}

/** The GraphQL error type (Medusa vocabulary) of a failed result. */
export function errorType(result: { errors?: any[] }): string | undefined {
  return result.errors?.[0]?.extensions?.type;
}
