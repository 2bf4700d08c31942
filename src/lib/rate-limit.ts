import type { Context } from '../context';
import { AppError } from './errors';

/** How many attempts a key may make in a window. */
export interface Limit { max: number; windowMs: number }

const MINUTE = 60 * 1000;

/**
 * The limits of the open credential operations, per account (the email) and per client address.
 * Login and token count failed attempts only (a user who signs in often is not slowed down);
 * password-token and reset-password count every request (each sends an email or tries a token).
 */
export const LIMITS = {
  signIn: { account: { max: 10, windowMs: 15 * MINUTE }, address: { max: 100, windowMs: 15 * MINUTE } },
  passwordToken: { account: { max: 5, windowMs: 60 * MINUTE }, address: { max: 30, windowMs: 60 * MINUTE } },
  resetPassword: { account: { max: 10, windowMs: 15 * MINUTE }, address: { max: 30, windowMs: 15 * MINUTE } },
} satisfies Record<string, { account: Limit; address: Limit }>;

export type LimitName = keyof typeof LIMITS;

interface Key { key: string; limit: Limit }

function keysOf(ctx: Context, name: LimitName, account: string | undefined): Key[] {
  const keys: Key[] = [];
  if (account) keys.push({ key: `${name}:account:${account.toLowerCase()}`, limit: LIMITS[name].account });
  const address = ctx.req?.ip;
  if (address) keys.push({ key: `${name}:address:${address}`, limit: LIMITS[name].address });
  return keys;
}

/**
 * The counters live in PostgreSQL (`rate_limit`), so they hold across instances and restarts.
 * They are written outside the request's transaction (on the connection pool, autocommit): a
 * failed attempt rolls its request back, and must still count.
 */
function sql(ctx: Context) {
  return ctx.em.getConnection();
}

const tooMany = () => new AppError('too_many_requests', 'Too many attempts. Please wait a few minutes and try again.');

/** Refuses (429) when any counter of this operation is at its limit. */
export async function assertUnderLimit(ctx: Context, name: LimitName, account?: string): Promise<void> {
  const keys = keysOf(ctx, name, account);
  if (!keys.length) return;
  const rows = await sql(ctx).execute<{ key: string; count: number }[]>(
    `select "key", "count" from "rate_limit" where "key" in (${keys.map(() => '?').join(', ')}) and "reset_at" > now()`,
    keys.map((k) => k.key),
  );
  for (const row of rows) if (row.count >= keys.find((k) => k.key === row.key)!.limit.max) throw tooMany();
}

/** Counts one attempt on every counter of this operation (a window starts with its first attempt). */
export async function countAttempt(ctx: Context, name: LimitName, account?: string): Promise<void> {
  for (const { key, limit } of keysOf(ctx, name, account)) {
    await sql(ctx).execute(
      `insert into "rate_limit" ("key", "count", "reset_at") values (?, 1, now() + ? * interval '1 millisecond')
       on conflict ("key") do update set
         "count" = case when "rate_limit"."reset_at" <= now() then 1 else "rate_limit"."count" + 1 end,
         "reset_at" = case when "rate_limit"."reset_at" <= now() then excluded."reset_at" else "rate_limit"."reset_at" end`,
      [key, limit.windowMs],
    );
  }
}

/** For operations that count every request: refuse at the limit, else count this one. */
export async function limitAttempt(ctx: Context, name: LimitName, account?: string): Promise<void> {
  await assertUnderLimit(ctx, name, account);
  await countAttempt(ctx, name, account);
}
