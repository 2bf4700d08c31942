import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { newId } from './ids';
import { errorText, Logger } from './log';
import { JobQueue, Worker } from './queue';

/** A domain event, such as `invite.created` or `user.password_reset`. */
export interface DomainEvent {
  /** Unique per event; a handler that may run twice for one event keys its effect on it. */
  id: string;
  name: string;
  data: Record<string, unknown>;
}

export type EventHandler = (event: DomainEvent, deps: { orm: MikroORM; log: Logger }) => Promise<void> | void;

/** A service module's `subscribers` export lists these; the server subscribes them at start. */
export interface Subscriber {
  event: string;
  handler: EventHandler;
}

/** The queue that carries domain events from the transaction that emitted them to their handlers. */
export const EVENTS_QUEUE = 'domain-events';

/**
 * Names a decoy of an event: written to the outbox exactly as that event would be, delivered to
 * no handler. A service that must not reveal which way it went (password-token for an unknown
 * email) emits one where the other way emits the event, so both do the same work.
 */
const DECOY = 'decoy:';

/**
 * Durable domain events (a transactional outbox on the job queue). Services record events on the
 * request while they work; when the mutation's transaction is about to commit, each event that
 * has a subscriber becomes a job in that same transaction, so it exists exactly when the change
 * does (a rollback drops it, a crash after commit keeps it). A worker in any process then runs the
 * event's handlers, at least once, with retries; handlers are idempotent on `event.id`.
 */
export class EventBus {
  private handlers = new Map<string, EventHandler[]>();

  constructor(
    private orm: MikroORM,
    readonly queue: JobQueue,
    private log: Logger,
    private options: {
      /** How long one delivery may take before it counts as failed (or lost with its process). */
      timeoutSeconds?: number;
      /** Tests only: a mutation answers once this process has run its events' handlers. */
      waitForDelivery?: boolean;
    } = {},
  ) {}

  subscribe(name: string, handler: EventHandler): void {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
  }

  private handlersOf(name: string): EventHandler[] {
    return [...(this.handlers.get(name) ?? []), ...(this.handlers.get('*') ?? [])];
  }

  /** Writes the events someone listens to into the outbox, through `em` (inside its transaction). */
  async write(em: EntityManager, events: Omit<DomainEvent, 'id'>[]): Promise<string[]> {
    const ids: string[] = [];
    for (const event of events) {
      const standsFor = event.name.startsWith(DECOY) ? event.name.slice(DECOY.length) : event.name;
      if (!this.handlersOf(standsFor).length) continue;
      ids.push(await this.queue.send(em, EVENTS_QUEUE, { id: newId('evt'), name: event.name, data: event.data }));
    }
    return ids;
  }

  /** After commit: wakes the workers of the queues written to, and (tests) waits for the events' delivery. */
  async committed(eventJobs: string[], queues: Iterable<string>): Promise<void> {
    const woken = new Set(queues);
    if (eventJobs.length) woken.add(EVENTS_QUEUE);
    for (const q of woken) this.queue.wake(q);
    if (this.options.waitForDelivery && eventJobs.length) await this.queue.settled(eventJobs);
  }

  /** The worker that delivers events: every handler of the event; any failure retries them all. */
  worker(): Worker {
    return {
      queue: EVENTS_QUEUE,
      // Deleted once delivered: event data may carry a one-time secret (a password-reset token).
      options: { teamSize: 2, retryLimit: 8, timeoutSeconds: this.options.timeoutSeconds ?? 60, forgetWhenDone: true },
      handler: async (event: DomainEvent) => {
        if (event.name.startsWith(DECOY)) return;
        const failures: unknown[] = [];
        for (const handler of this.handlersOf(event.name)) {
          try {
            await handler(event, { orm: this.orm, log: this.log });
          } catch (err) {
            failures.push(err);
            this.log('error', { msg: 'event handler failed', event: event.name, event_id: event.id, error: errorText(err) });
          }
        }
        if (failures.length) throw new Error(`${failures.length} handler(s) of ${event.name} failed; the event will be delivered again`);
      },
    };
  }
}

/** The events of one request, waiting for its transaction to commit. */
export class PendingEvents {
  private events: Omit<DomainEvent, 'id'>[] = [];
  private queues = new Set<string>();

  emit(name: string, data: Record<string, unknown>): void {
    this.events.push({ name, data });
  }

  /** A decoy of event `name` (see DECOY), with data of the same shape as the real event's. */
  emitDecoy(name: string, data: Record<string, unknown>): void {
    this.events.push({ name: DECOY + name, data });
  }

  take(): Omit<DomainEvent, 'id'>[] {
    const out = this.events;
    this.events = [];
    return out;
  }

  /** Remembers that a job was enqueued to `queue`, so its workers are woken after commit. */
  wake(queue: string): void {
    this.queues.add(queue);
  }

  takeWakes(): string[] {
    const out = [...this.queues];
    this.queues.clear();
    return out;
  }

  discard(): void {
    this.events = [];
    this.queues.clear();
  }
}
