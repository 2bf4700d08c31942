import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config';
import { EventBus, EVENTS_QUEUE, Subscriber } from './lib/events';
import { JobQueue, Worker } from './lib/queue';
import type { Logger } from './lib/log';
import { serviceContributions } from './registry';

/** The job queue and the durable event bus of one process, and whether it runs the workers. */
export interface Background {
  bus: EventBus;
  queue: JobQueue;
  stop(): Promise<void>;
}

/**
 * Connects the job queue, subscribes every service's event handlers and, when `run`, starts event
 * delivery and every service's `workers` in this process (the server does unless RUN_JOBS=false;
 * `npx aegis worker` always does).
 */
export async function startBackground(orm: MikroORM, config: Config, databaseUrl: string, log: Logger, run: boolean): Promise<Background> {
  const queue = new JobQueue(databaseUrl, log, {
    pollMs: 2000,
    // Lost deliveries are noticed within about one event time limit.
    maintenanceSeconds: Math.max(1, Math.min(30, Math.floor(config.eventTimeoutSeconds / 2))),
  });
  await queue.start();
  const bus = new EventBus(orm, queue, log, { timeoutSeconds: config.eventTimeoutSeconds, waitForDelivery: config.waitForEvents });
  const { subscribers, workers } = serviceContributions<Subscriber, Worker>();
  for (const s of subscribers) bus.subscribe(s.event, s.handler);
  await queue.ensureQueue(EVENTS_QUEUE, bus.worker().options);
  if (run) {
    for (const worker of [bus.worker(), ...workers]) await queue.work(worker, { orm, log, config, bus });
  }
  return { bus, queue, stop: () => queue.stop() };
}
