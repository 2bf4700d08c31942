import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Context, createContext, userIdOf } from '../context';
import { Config, loadConfig } from '../config';
import { BatchJob, BatchJobResult, BatchJobStatus as S } from '../entities/batch-jobs';
import { User } from '../entities/users';
import { AppError, invalid, notAllowed } from '../lib/errors';
import type { EventBus } from '../lib/events';
import { findPage, ListSpec, PageArgs, whereOf } from '../lib/list';
import type { Logger } from '../lib/log';
import { enqueue, Worker, WorkerDeps } from '../lib/queue';
import { fileStoreFor, FileStore } from '../lib/storage';
import type { BatchJobFilter, CreateBatchJobInput } from '../../schema/batch-jobs';
import { checkMove, STAMP } from './batch-jobs/lifecycle';
import { productExport } from './batch-jobs/product-export';
import { productImport } from './batch-jobs/product-import';
import { priceListImport } from './batch-jobs/price-list-import';

const LIST: ListSpec = {
  orderable: ['id', 'type', 'status', 'createdAt', 'updatedAt', 'preProcessedAt', 'confirmedAt', 'processingAt', 'completedAt', 'canceledAt', 'failedAt'],
};

/** What a job's worker gets: its own database access, the file store, the events' bus. */
export interface JobDeps {
  em: () => EntityManager;
  files: FileStore;
  config: Config;
  bus: EventBus;
  log: Logger;
  /** Tests: called after progress is recorded, to stop a run half-way as a crash would. */
  onProgress?: (done: number) => void;
  /** Imports record their progress every this many lines (100, as Medusa). */
  progressEvery?: number;
}

/** One kind of batch job: how its context is checked at creation, and its two steps. */
export interface Strategy {
  /** Checks and completes the context when the job is created (in the request). */
  prepare(ctx: Context, context: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Reads what the job will do; answers the result and context keys to store. */
  preProcess(run: JobRun): Promise<{ result: BatchJobResult; context?: Record<string, unknown> }>;
  /** Does the work; finishes by calling `run.complete` in the transaction that applied it. */
  process(run: JobRun): Promise<void>;
}

export const STRATEGIES: Record<string, Strategy> = {
  'product-export': productExport,
  'product-import': productImport,
  'price-list-import': priceListImport,
};

/** The queue and steps of batch jobs. */
export const BATCH_QUEUE = 'batch-jobs';
export type Step = 'pre-process' | 'process';

// ---------------------------------------------------------------- requests

/** The signed-in user's jobs only, as Medusa lists them. */
export function listBatchJobs(ctx: Context, filter: BatchJobFilter | undefined, args: PageArgs) {
  return findPage(ctx, BatchJob, { ...whereOf(filter), createdBy: userIdOf(ctx) }, { ...args, q: undefined }, LIST);
}

export async function retrieveBatchJob(ctx: Context, id: string, lock = false): Promise<BatchJob> {
  const job = await ctx.em.findOne(BatchJob, { id }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
  if (!job) throw new AppError('not_found', `Batch job with id ${id} was not found`);
  if (job.createdBy !== userIdOf(ctx)) throw notAllowed('Cannot access a batch job that does not belong to the logged in user');
  return job;
}

export async function createBatchJob(ctx: Context, input: CreateBatchJobInput): Promise<BatchJob> {
  if (typeof input.type !== 'string') throw invalid('type must be a string');
  const context = input.context as Record<string, unknown>;
  if (!context || typeof context !== 'object' || Array.isArray(context)) throw invalid('context must be an object');
  const strategy = STRATEGIES[input.type];
  if (!strategy) throw new AppError('not_found', `Unable to find a BatchJob strategy with the type ${input.type}`);
  const job = ctx.em.create(BatchJob, {
    type: input.type,
    createdBy: userIdOf(ctx),
    context: await strategy.prepare(ctx, context),
    dryRun: input.dryRun ?? false,
  });
  await ctx.em.flush();
  ctx.events.emit('batch.created', { id: job.id });
  await enqueueStep(ctx, job.id, 'pre-process');
  return job;
}

/** Medusa refuses to cancel a completed job; a canceled or failed one stays as it is. */
export async function cancelBatchJob(ctx: Context, id: string): Promise<BatchJob> {
  const job = await retrieveBatchJob(ctx, id, true);
  if (job.status === S.canceled || job.status === S.failed) return job;
  move(ctx, job, S.canceled);
  await ctx.em.flush();
  return job;
}

export async function confirmBatchJob(ctx: Context, id: string): Promise<BatchJob> {
  const job = await retrieveBatchJob(ctx, id, true);
  move(ctx, job, S.confirmed);
  await ctx.em.flush();
  await enqueueStep(ctx, job.id, 'process');
  return job;
}

/** The user who created the job (`expand=created_by_user`), batched. */
export function createdByUserOf(ctx: Context, job: BatchJob): Promise<User | null> {
  return job.createdBy ? ctx.loaders.byId(User, job.createdBy) : Promise.resolve(null);
}

/** `result` read as progress: items done of items to do. */
export function progressOf(job: BatchJob) {
  const count = typeof job.result?.count === 'number' ? job.result.count : null;
  const advancementCount = typeof job.result?.advancement_count === 'number' ? job.result.advancement_count : 0;
  const progress = job.status === S.completed ? 1 : count ? Math.min(1, advancementCount / count) : 0;
  return { count, advancementCount, progress };
}

/** Moves the job along the transition table, stamps the time and records `batch.<status>`. */
function move(ctx: Context, job: BatchJob, to: S): void {
  checkMove(job.status, to);
  job.status = to;
  if (to !== S.created) job[STAMP[to]] = new Date();
  ctx.events.emit(`batch.${to}`, { id: job.id });
}

// ---------------------------------------------------------------- running the steps

/** Hands a step of the job to a worker: a job on the queue, written in the request's transaction. */
async function enqueueStep(ctx: Context, id: string, step: Step): Promise<void> {
  // One waiting job per step of a batch job, whoever asks twice.
  await enqueue(ctx, BATCH_QUEUE, { id, step }, { singletonKey: `${id}:${step}` });
}

/**
 * The batch-job worker, run by every server process and `npx aegis worker`: each step runs in one
 * process at a time. A step that dies with its process is retried once its time limit has passed
 * (long enough for a large export), and resumes as `runBatchJobStep` says.
 */
export const workers: Worker[] = [{
  queue: BATCH_QUEUE,
  options: { teamSize: 1, retryLimit: 3, timeoutSeconds: 20 * 60 },
  handler: (data: { id: string; step: Step }, deps: WorkerDeps) => runBatchJobStep(jobDeps(deps), data),
}];

/** What a step needs, from what the queue gives a worker. */
export function jobDeps(deps: WorkerDeps): JobDeps {
  const config = deps.config ?? loadConfig();
  if (!deps.bus) throw new Error('the batch-job worker needs the event bus');
  return { em: () => deps.orm.em.fork() as unknown as EntityManager, files: fileStoreFor(config), config, bus: deps.bus, log: deps.log };
}

/**
 * One step of a job, as a worker runs it. Idempotent: a step whose job has moved on does nothing,
 * so a step run twice (a retry after a crash) is harmless. A mistake in the job's data (an
 * AppError: a bad row, a missing file) fails the job for good, with the reason in
 * `result.errors`; anything else (the process died, the database went away) is thrown, so the
 * queue tries the step again: processing then starts over, as nothing of it was committed.
 */
export async function runBatchJobStep(deps: JobDeps, data: { id: string; step: Step }): Promise<void> {
  const job = await deps.em().findOne(BatchJob, { id: data.id });
  if (!job) return;
  const strategy = STRATEGIES[job.type];
  const run = new JobRun(deps, job);
  try {
    if (data.step === 'pre-process') {
      if (job.status !== S.created) return;
      const { result, context } = await strategy.preProcess(run);
      const done = await run.transition([S.created], S.pre_processed, { result, context });
      if (done && !done.dryRun) {
        await run.transition([S.pre_processed], S.confirmed);
        await runBatchJobStep(deps, { id: job.id, step: 'process' });
      }
    } else {
      if (job.status === S.confirmed) await run.transition([S.confirmed], S.processing);
      else if (job.status !== S.processing) return;
      await strategy.process(run);
    }
  } catch (err) {
    if (err instanceof Canceled) return;
    if (!(err instanceof AppError)) throw err;
    await run.fail(err.message);
  }
}

/** Thrown inside a run when the job was canceled meanwhile: the run stops and rolls back. */
export class Canceled extends Error {
  constructor() { super('the batch job was canceled'); }
}

/** A job as one step sees it: its transitions, progress and completion, each in its own transaction. */
export class JobRun {
  constructor(readonly deps: JobDeps, readonly job: BatchJob) {}

  get id(): string { return this.job.id; }
  get context(): Record<string, unknown> { return this.job.context ?? {}; }
  get result(): BatchJobResult { return this.job.result ?? {}; }

  /** A context for calling services in `em`'s transaction, acting as the job's creator. */
  contextFor(em: EntityManager): Context {
    return createContext({ em, config: this.deps.config, requestId: `batch:${this.id}`, bus: this.deps.bus, auth: this.job.createdBy ? { userId: this.job.createdBy, via: 'session' } : undefined });
  }

  /**
   * Runs `work` in one transaction; its context's events go to the outbox in that transaction (so
   * they exist exactly when the work committed) and their workers are woken after the commit.
   */
  async inTransaction<T>(work: (ctx: Context) => Promise<T>): Promise<T> {
    const ctx = this.contextFor(this.deps.em() as any);
    let eventJobs: string[] = [];
    const result = await ctx.em.transactional(async (em) => {
      ctx.em = em as any;
      const value = await work(ctx);
      eventJobs = await this.deps.bus.write(em as any, ctx.events.take());
      return value;
    });
    await this.deps.bus.committed(eventJobs, ctx.events.takeWakes());
    return result;
  }

  /**
   * `work` in one transaction with the job locked; does nothing (answers undefined) when the job
   * is no longer in one of `from`.
   */
  locked<T>(from: S[], work: (ctx: Context, job: BatchJob) => Promise<T>): Promise<T | undefined> {
    return this.inTransaction(async (ctx) => {
      const job = await ctx.em.findOne(BatchJob, { id: this.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!job || !from.includes(job.status)) return undefined;
      return work(ctx, job);
    });
  }

  /** Moves the job from one of `from` to `to`, merging `result` and `context` keys; the job as it is then. */
  transition(from: S[], to: S, patch: { result?: BatchJobResult; context?: Record<string, unknown> } = {}): Promise<BatchJob | undefined> {
    return this.locked(from, async (ctx, job) => {
      apply(job, patch);
      move(ctx, job, to);
      await ctx.em.flush();
      return job;
    });
  }

  /** Completes the job inside the transaction that applied its work (so completed ⇔ applied). */
  async complete(ctx: Context, patch: { result?: BatchJobResult } = {}): Promise<void> {
    const job = await ctx.em.findOne(BatchJob, { id: this.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!job || job.status !== S.processing) throw new Canceled();
    apply(job, patch);
    move(ctx, job, S.completed);
    await ctx.em.flush();
  }

  /**
   * Records progress at once, outside any running transaction (so it shows while the work goes
   * on); throws Canceled when the job is no longer processing.
   */
  async progress(advancementCount: number, count: number, extra: BatchJobResult = {}): Promise<void> {
    const patch = { ...extra, advancement_count: advancementCount, count, progress: count ? Math.min(1, advancementCount / count) : 0 };
    const rows: { id: string }[] = await this.deps.em().getConnection().execute(
      `update "batch_job" set "result" = coalesce("result", '{}'::jsonb) || ?::jsonb, "updated_at" = now() where "id" = ? and "status" = 'processing' returning "id"`,
      [JSON.stringify(patch), this.id],
    );
    if (!rows.length) throw new Canceled();
    this.deps.onProgress?.(advancementCount);
  }

  /** Fails the job (unless it is finished already), keeping the reason in `result.errors`. */
  async fail(message: string): Promise<void> {
    await this.locked([S.created, S.pre_processed, S.confirmed, S.processing], async (ctx, job) => {
      apply(job, { result: { errors: [...((job.result?.errors as unknown[]) ?? []), message] } });
      move(ctx, job, S.failed);
      await ctx.em.flush();
    });
  }
}

function apply(job: BatchJob, patch: { result?: BatchJobResult; context?: Record<string, unknown> }): void {
  if (patch.result) job.result = { ...(job.result ?? {}), ...patch.result };
  if (patch.context) job.context = { ...(job.context ?? {}), ...patch.context };
}
