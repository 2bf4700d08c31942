import type { Request } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from './config';
import { Loaders } from './lib/loaders';
import { EventBus, PendingEvents } from './lib/events';

/** Who made the request, and how they proved it. */
export interface AuthInfo {
  userId: string;
  via: 'session' | 'bearer' | 'api_token';
  /** The user's role, read with the credential (admins manage users). */
  role?: string;
}

/**
 * Everything a resolver or service may use for one request. `em` is the request's own fork of
 * the EntityManager; inside a mutation it is the transaction's.
 */
export interface Context {
  em: EntityManager;
  auth?: AuthInfo;
  /** The HTTP request, for session login and logout. */
  req?: Request;
  loaders: Loaders;
  events: PendingEvents;
  /** Where `events` go once the transaction has committed. */
  bus: EventBus;
  config: Config;
  requestId: string;
}

export function createContext(base: Omit<Context, 'loaders' | 'events'>): Context {
  const ctx = { ...base, events: new PendingEvents() } as Context;
  // Loaders read ctx.em at batch time, so they follow the EntityManager in use.
  ctx.loaders = new Loaders(() => ctx.em);
  return ctx;
}

/** The signed-in user's id; resolvers of protected operations only run when there is one. */
export function userIdOf(ctx: Context): string {
  if (!ctx.auth) throw new Error('userIdOf called without authentication');
  return ctx.auth.userId;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Set for every request by the server before any route runs. */
      ctx: Context;
    }
  }
}
