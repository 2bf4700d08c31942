import type { Context } from '../context';
import { User } from '../entities/users';
import { unauthorized } from '../lib/errors';
import { hashPassword, verifyPassword } from '../lib/password';
import { assertUnderLimit, countAttempt } from '../lib/rate-limit';
import { endSession, signAccessToken, startSession } from '../auth/authenticate';
import { findUserByEmail, retrieveUser } from './users';

// Compared against when the email is unknown, so a miss takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

/** The user with these credentials, or a plain 401 (the same for unknown email and bad password). */
export async function checkCredentials(ctx: Context, email: string, password: string): Promise<User> {
  // Failed attempts are counted per account and per address; at the limit even a right password waits.
  await assertUnderLimit(ctx, 'signIn', email);
  const user = await findUserByEmail(ctx, email, ['passwordHash']);
  dummyHash ??= hashPassword('not a password');
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
  if (!user || !ok) {
    await countAttempt(ctx, 'signIn', email);
    throw unauthorized();
  }
  return user;
}

/** Cookie login: a new session (new id) that carries the user's id. */
export async function login(ctx: Context, email: string, password: string): Promise<User> {
  const user = await checkCredentials(ctx, email, password);
  if (!ctx.req) throw unauthorized();
  await startSession(ctx.req, user.id, user.tokenVersion);
  return user;
}

export async function logout(ctx: Context): Promise<void> {
  if (ctx.req) await endSession(ctx.req);
}

export async function createAccessToken(ctx: Context, email: string, password: string): Promise<string> {
  const user = await checkCredentials(ctx, email, password);
  return signAccessToken(user.id, ctx.config, user.tokenVersion);
}

export function currentUser(ctx: Context): Promise<User> {
  return retrieveUser(ctx, ctx.auth!.userId);
}
