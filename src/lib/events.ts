import type { MikroORM } from '@mikro-orm/postgresql';

/** A domain event, such as `invite.created` or `user.password_reset`. */
export interface DomainEvent {
  name: string;
  data: Record<string, unknown>;
}

export type EventHandler = (event: DomainEvent, deps: { orm: MikroORM }) => Promise<void> | void;

/** A service module's `subscribers` export lists these; the server subscribes them at start. */
export interface Subscriber {
  event: string;
  handler: EventHandler;
}

/**
 * In-process event bus. Services record events on the request while they work; the events are
 * published only after the request's transaction commits, so a rolled-back write never notifies.
 * Handlers get their own EntityManager (through `orm`) and their failures are logged, not thrown:
 * the write they follow has already happened.
 */
export class EventBus {
  private handlers = new Map<string, EventHandler[]>();

  constructor(private orm: MikroORM, private onError: (err: unknown, event: DomainEvent) => void) {}

  subscribe(name: string, handler: EventHandler): void {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
  }

  async publish(events: DomainEvent[]): Promise<void> {
    for (const event of events) {
      for (const handler of [...(this.handlers.get(event.name) ?? []), ...(this.handlers.get('*') ?? [])]) {
        try {
          await handler(event, { orm: this.orm });
        } catch (err) {
          this.onError(err, event);
        }
      }
    }
  }
}

/** The events of one request, waiting for its transaction to commit. */
export class PendingEvents {
  private events: DomainEvent[] = [];

  emit(name: string, data: Record<string, unknown>): void {
    this.events.push({ name, data });
  }

  take(): DomainEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }

  discard(): void {
    this.events = [];
  }
}
