import PgBoss from 'pg-boss';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Context } from '../context';
import { errorText, Logger } from './log';
import type { Config } from '../config';
import type { EventBus } from './events';

/**
 * The PostgreSQL job queue (pg-boss 10): jobs are rows in the `pgboss` schema of the application's
 * own database, fetched with `FOR UPDATE SKIP LOCKED`, so any number of processes (servers,
 * `npx aegis worker`) share the work and each job runs in one of them at a time.
 *
 * Semantics, in short:
 * - `enqueue` writes the job in the caller's transaction: it exists if and only if that commits.
 * - A handler that throws (or runs past its queue's time limit) fails the attempt; the job is
 *   tried again after a growing delay until its retry limit, then stays `failed` in `pgboss.job`.
 * - A process killed mid-job leaves the job `active`; once its time limit has passed, the queue's
 *   maintenance (every process runs it, one at a time) fails that attempt and the job is retried,
 *   or failed for good when no retry is left. Handlers therefore run at least once, maybe twice:
 *   they must be idempotent (key on an id in the job's data).
 */
export interface EnqueueOptions {
  /** At most one job with this key waits or runs in the queue; enqueueing again returns that job's id. */
  singletonKey?: string;
  /** Attempts after the first (the queue's own limit otherwise). */
  retryLimit?: number;
  /** Not before this time. */
  startAfter?: Date;
}

export interface WorkerDeps {
  orm: MikroORM;
  log: Logger;
  /** The process's configuration (file storage, secrets), as the server has it. */
  config?: Config;
  /** The process's event bus, for handlers whose transactions emit domain events (outbox). */
  bus?: EventBus;
}

/** A service module's `workers` export lists these; every server process and `aegis worker` runs them. */
export interface Worker {
  queue: string;
  handler: (data: any, deps: WorkerDeps) => Promise<void>;
  options?: {
    /** Jobs of this queue one process runs at the same time (1 by default). */
    teamSize?: number;
    /** Retries after a failed attempt (default 3). */
    retryLimit?: number;
    /** How long an attempt may run before it counts as failed (and as lost, if its process died). Default 15 minutes. */
    timeoutSeconds?: number;
    /** Delete a job once done instead of archiving it (its data may hold a secret, such as a reset token). */
    forgetWhenDone?: boolean;
  };
}

export interface QueueSettings {
  /** How often an idle worker looks for new jobs (jobs enqueued by this process wake it at once). */
  pollMs?: number;
  /** How often the expiry of lost jobs and the archive run. */
  maintenanceSeconds?: number;
}

const DEFAULT_TIMEOUT_SECONDS = 15 * 60;
const DEFAULT_RETRY_LIMIT = 3;
/** First retry after 2 s, then doubling (pg-boss's backoff, with jitter). */
const RETRY_DELAY_SECONDS = 2;

/** Enqueues a job in the request's current transaction (`ctx.em`); resolves with the job's id. */
export function enqueue(ctx: Context, queue: string, data: object, options: EnqueueOptions = {}): Promise<string> {
  return ctx.bus.queue.send(ctx.em, queue, data, options).then((id) => {
    ctx.events.wake(queue);
    return id;
  });
}

export class JobQueue {
  readonly boss: PgBoss;
  private known = new Map<string, Promise<void>>();
  private loops: WorkLoop[] = [];
  private settledWaiters = new Map<string, Array<() => void>>();
  private started?: Promise<void>;

  constructor(databaseUrl: string, private log: Logger, private settings: QueueSettings = {}) {
    this.boss = new PgBoss({
      connectionString: databaseUrl,
      max: 3,
      // Cron schedules are not used; the maintenance expires lost jobs and archives old ones.
      schedule: false,
      supervise: true,
      maintenanceIntervalSeconds: settings.maintenanceSeconds ?? 30,
      archiveCompletedAfterSeconds: 60 * 60,
      deleteAfterDays: 7,
    });
    // The pool reports lost connections here (a database restart); without a listener they would
    // be thrown as an unhandled 'error' event and end the process.
    this.boss.on('error', (err) => this.log('error', { msg: 'job queue error', error: errorText(err) }));
  }

  /** Connects and creates or upgrades the `pgboss` schema (under pg-boss's own advisory lock). */
  start(): Promise<void> {
    this.started ??= this.boss.start().then(() => undefined);
    return this.started;
  }

  /** Creates the queue once (idempotent in the database), with its retry and time limits. */
  ensureQueue(name: string, options: Worker['options'] = {}): Promise<void> {
    let ready = this.known.get(name);
    if (!ready) {
      ready = this.start().then(() => this.boss.createQueue(name, { name, ...queueOptions(options) }));
      ready.catch(() => this.known.delete(name)); // tried again next time (say, after an outage)
      this.known.set(name, ready);
    }
    return ready;
  }

  /** Inserts the job through `em`, so inside its transaction when it has one. */
  async send(em: EntityManager, queue: string, data: object, options: EnqueueOptions = {}): Promise<string> {
    await this.ensureQueue(queue);
    const db = sqlOn(em);
    if (options.singletonKey) {
      // Serialises enqueuers of one key until their transactions end, so the check below holds.
      await db.executeSql('select pg_advisory_xact_lock(hashtext($1))', [`${queue}:${options.singletonKey}`]);
      const { rows } = await db.executeSql(
        `select id from pgboss.job where name = $1 and singleton_key = $2 and state < 'completed' limit 1`,
        [queue, options.singletonKey],
      );
      if (rows.length) return String(rows[0].id);
    }
    // pg-boss checks options by presence: only the given ones are passed.
    const sendOptions: Record<string, unknown> = { db };
    for (const key of ['singletonKey', 'retryLimit', 'startAfter'] as const) if (options[key] !== undefined) sendOptions[key] = options[key];
    const id = await this.boss.send(queue, data, sendOptions as PgBoss.SendOptions);
    if (!id) throw new Error(`job not enqueued: queue ${queue} does not exist`);
    return id;
  }

  /** Starts `teamSize` loops for the worker's queue in this process. */
  async work(worker: Worker, deps: WorkerDeps): Promise<void> {
    await this.ensureQueue(worker.queue, worker.options);
    // A queue keeps the options it was created with; the worker's current ones win.
    await this.boss.updateQueue(worker.queue, { name: worker.queue, ...queueOptions(worker.options) });
    const timeoutMs = (worker.options?.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
    for (let i = 0; i < Math.max(1, worker.options?.teamSize ?? 1); i++) {
      const loop = new WorkLoop(this, worker, deps, timeoutMs, this.settings.pollMs ?? 2000);
      this.loops.push(loop);
      void loop.run();
    }
  }

  /** Wakes this process's loops of `queue` now (after a transaction that enqueued to it committed). */
  wake(queue: string): void {
    for (const loop of this.loops) if (loop.worker.queue === queue) loop.wake();
  }

  /** Resolves when this process has made an attempt at each job (or after `timeoutMs`). */
  settled(ids: string[], timeoutMs = 10000): Promise<void> {
    const waits = ids.map((id) => new Promise<void>((resolve) => {
      this.settledWaiters.set(id, [...(this.settledWaiters.get(id) ?? []), resolve]);
    }));
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs).unref();
      void Promise.all(waits).then(() => { clearTimeout(timer); resolve(); });
    });
  }

  /** @internal called by the loops after each attempt. */
  attempted(id: string): void {
    for (const resolve of this.settledWaiters.get(id) ?? []) resolve();
    this.settledWaiters.delete(id);
  }

  /** Stops fetching, lets running attempts finish, closes the pool. */
  async stop(): Promise<void> {
    await Promise.all(this.loops.map((l) => l.stop()));
    this.loops = [];
    if (this.started) await this.boss.stop({ graceful: false, wait: true }).catch(() => undefined);
  }
}

/**
 * One fetch-run-complete loop. pg-boss's own `work()` completes jobs without awaiting the
 * database, so an outage would surface as an unhandled rejection; this loop awaits and logs.
 */
class WorkLoop {
  private stopping = false;
  private running?: Promise<void>;
  private wakeUp?: () => void;
  private woken = false;

  constructor(private queue: JobQueue, readonly worker: Worker, private deps: WorkerDeps, private timeoutMs: number, private pollMs: number) {}

  run(): Promise<void> {
    this.running ??= this.loop();
    return this.running;
  }

  private async loop(): Promise<void> {
    const { boss } = this.queue;
    while (!this.stopping) {
      this.woken = false;
      const jobs = await boss.fetch(this.worker.queue, { batchSize: 1 }).catch(() => [] as PgBoss.Job[]);
      const job = jobs?.[0];
      if (!job) {
        if (!this.woken) await this.idle();
        continue;
      }
      try {
        await withTimeout(this.worker.handler(job.data, this.deps), this.timeoutMs);
        if (this.worker.options?.forgetWhenDone) await boss.deleteJob(this.worker.queue, job.id);
        else await boss.complete(this.worker.queue, job.id);
      } catch (err) {
        this.deps.log('error', { msg: 'job failed', queue: this.worker.queue, job: job.id, error: errorText(err) });
        await boss.fail(this.worker.queue, job.id, { message: err instanceof Error ? err.message : String(err) })
          .catch((e: unknown) => this.deps.log('error', { msg: 'job not marked failed; it will expire and be retried', job: job.id, error: errorText(e) }));
      } finally {
        this.queue.attempted(job.id);
      }
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.pollMs);
      function done() { clearTimeout(timer); resolve(); }
      this.wakeUp = done;
    });
  }

  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.running;
  }
}

function queueOptions(options: Worker['options'] = {}) {
  return {
    retryLimit: options.retryLimit ?? DEFAULT_RETRY_LIMIT,
    retryDelay: RETRY_DELAY_SECONDS,
    retryBackoff: true,
    expireInSeconds: options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
  };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`job timed out after ${ms} ms`)), ms); });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * pg-boss's `db` option, run on the EntityManager's connection and transaction. pg-boss writes
 * `$1` placeholders; the ORM's query builder binds `?` ones in order of appearance.
 */
function sqlOn(em: EntityManager) {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const bindings: unknown[] = [];
      const sql = text.replace(/\$(\d+)/g, (_, n: string) => {
        bindings.push(values[Number(n) - 1] ?? null);
        return '?';
      });
      const rows = await em.getConnection().execute(sql, bindings, 'all', em.getTransactionContext());
      return { rows: rows as any[] };
    },
  };
}
