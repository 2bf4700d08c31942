import 'reflect-metadata';
import cluster from 'cluster';
import fs from 'fs';
import path from 'path';
import { parseArgs } from 'util';
import type { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig, Config } from './config';
import { openDatabase, Database } from './db/embedded';
import { migrate, openOrm } from './db/orm';
import { seed } from './db/seed';
import { createServer, listen } from './server';
import { buildAppSchema, printAppSchema } from './graphql';
import { createContext } from './context';
import { createUser } from './services/users';
import { UserRole } from './entities/users';
import { startBackground } from './background';
import { resolveSecrets } from './lib/secrets';
import { createLogger } from './lib/log';
import { registerProviders } from './services/store';

const USAGE = `usage: aegis <command>
  start                                   run the server (PORT, DATABASE_URL, ...; see README)
  worker                                  run event delivery and the job workers, without HTTP
  migrate                                 apply pending migrations
  seed                                    load a small demo store
  user --email E --password P [--role R]  create an admin user
  print-schema                            write schema/schema.graphql
  migration:create --name N               write a migration for entity changes (for developers)`;

export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'start':
        return await start(loadConfig());
      case 'worker':
        return await runWorker(loadConfig());
      case 'migrate':
        return await withOrm(loadConfig(), async () => console.log('migrations applied'));
      case 'seed':
        return await withOrm(loadConfig(), async (orm) => { await seed(orm.em.fork()); console.log('demo data loaded'); });
      case 'user':
        return await addUser(rest);
      case 'print-schema':
        return await writeSchema();
      case 'migration:create':
        return await createMigration(rest);
      default:
        console.log(USAGE);
        process.exitCode = command ? 1 : 0;
    }
  } catch (err) {
    console.error(`aegis ${command}: ${err instanceof Error ? err.message : err}`);
    process.exitCode = 1;
  }
}

/** Opens the database (embedded unless DATABASE_URL), migrates it, runs `work`, and closes all. */
async function withOrm(config: Config, work: (orm: MikroORM, db: Database) => Promise<void>): Promise<void> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log: (m) => console.log(m) });
  try {
    const orm = await openOrm(db.url);
    try {
      await migrate(orm);
      await work(orm, db);
    } finally {
      await orm.close();
    }
  } finally {
    await db.stop();
  }
}

/**
 * Runs the server. With `WEB_CONCURRENCY` > 1 the process becomes a primary that owns the
 * database (embedded or not) and the migrations, and forks that many workers sharing the port,
 * so that request handling (CPU-bound JavaScript) uses more than one core.
 */
async function start(config: Config): Promise<void> {
  if (cluster.isWorker) return serve(config, process.env.DATABASE_URL!, Date.now());
  const started = Date.now();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log: (m) => console.log(m) });
  if (config.workers <= 1) return serve(config, db.url, started, db);

  const orm = await openOrm(db.url);
  await migrate(orm);
  await orm.close();
  const workers = Array.from({ length: config.workers }, () => cluster.fork({ DATABASE_URL: db.url, AEGIS_MIGRATED: '1' }));
  let stopping = false;
  cluster.on('exit', (worker, code) => {
    if (stopping) return;
    // A worker that dies is replaced, so one crash does not take capacity away for good.
    console.error(`worker ${worker.process.pid} exited (${code}); starting another`);
    workers.push(cluster.fork({ DATABASE_URL: db.url, AEGIS_MIGRATED: '1' }));
  });
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
    await Promise.all(alive.map((w) => new Promise<void>((resolve) => { w!.once('exit', () => resolve()); w!.process.kill('SIGTERM'); })));
    await db.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
}

/** One server process: ORM, app, HTTP listener, and its graceful shutdown. */
async function serve(config: Config, databaseUrl: string, started: number, db?: Database): Promise<void> {
  const orm = await openOrm(databaseUrl);
  if (!process.env.AEGIS_MIGRATED) await migrate(orm);
  const aegis = await createServer(orm, config, databaseUrl);
  const http = await listen(aegis.app, config.port);
  const base = `http://localhost:${config.port}`;
  if (!cluster.isWorker || cluster.worker?.id === 1) {
    aegis.log('info', {
      msg: `Aegis ready in ${Date.now() - started} ms`,
      graphql: `${base}/graphql`,
      rest: `${base}/admin`,
      database: !db ? 'shared by the workers' : db.embedded ? `embedded PostgreSQL (${path.join(config.dataDir, 'pg')})` : 'DATABASE_URL',
      workers: config.workers,
    });
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    aegis.log('info', { msg: `${signal}: shutting down` });
    // Stop accepting; in-flight requests finish; idle keep-alive sockets are closed.
    await new Promise<void>((resolve) => { http.close(() => resolve()); http.closeIdleConnections(); });
    await aegis.close();
    await orm.close();
    await db?.stop();
    aegis.log('info', { msg: 'stopped' });
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // In a cluster, Ctrl-C reaches every process; the primary stops the workers in order.
  process.on('SIGINT', () => { if (!cluster.isWorker) void shutdown('SIGINT'); });
}

/**
 * Event delivery and the job workers without HTTP, for deployments that run them apart from the
 * servers (RUN_JOBS=false there). Any number may run against one database.
 */
async function runWorker(config: Config): Promise<void> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log: (m) => console.log(m) });
  const orm = await openOrm(db.url);
  await migrate(orm);
  const log = createLogger(config);
  await resolveSecrets(orm, config); // download URLs of exports are signed with the cookie secret
  await registerProviders(orm.em.fork());
  const background = await startBackground(orm, config, db.url, log, true);
  log('info', { msg: 'Aegis worker running', pid: process.pid });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log('info', { msg: `${signal}: stopping the worker` });
    await background.stop();
    await orm.close();
    await db.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

async function addUser(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' } } });
  if (!values.email || !values.password) throw new Error('--email and --password are required');
  const role = (values.role ?? 'admin') as UserRole;
  if (!Object.values(UserRole).includes(role)) throw new Error(`--role must be one of ${Object.values(UserRole).join(', ')}`);
  const config = loadConfig();
  await withOrm(config, async (orm) => {
    const em = orm.em.fork();
    const log = createLogger(config);
    const { bus, stop } = await startBackground(orm, config, orm.config.get('clientUrl')!, log, false);
    try {
      const ctx = createContext({ em: em as any, config, requestId: 'cli', bus });
      const user = await em.transactional(async (tx) => { ctx.em = tx as any; return createUser(ctx, { email: values.email!, password: values.password!, role }); });
      console.log(`user ${user.email} created (${user.id}, role ${user.role})`);
    } finally {
      await stop();
    }
  });
}

async function writeSchema(): Promise<void> {
  const file = path.resolve(__dirname, '..', 'schema', 'schema.graphql');
  fs.writeFileSync(file, printAppSchema(await buildAppSchema()));
  console.log(`wrote ${file}`);
}

/** Writes the SQL that brings the migrated database up to the entities, as a new migration file. */
async function createMigration(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { name: { type: 'string' } } });
  const config = loadConfig();
  await withOrm(config, async (orm) => {
    const result = await orm.getMigrator().createMigration(undefined, false, false, values.name);
    console.log(result.diff.up.length ? `wrote ${result.fileName}` : 'no changes');
  });
}

