import { LockMode } from '@mikro-orm/core';
import { lockRow } from '../lib/locks';
import type { Context } from '../context';
import { User, UserRole } from '../entities/users';
import { duplicate, forbidden, invalid, notFound, unauthorized } from '../lib/errors';
import { limitAttempt } from '../lib/rate-limit';
import type { AuthInfo } from '../context';
import { findPage, ListSpec, PageArgs, whereOf } from '../lib/list';
import { mergeMetadata } from '../lib/metadata';
import { digest, hashPassword, newToken } from '../lib/password';
import { DeleteResponse } from '../../schema/common';
import type { UserFilter, CreateUserInput, UpdateUserInput, ResetPasswordInput } from '../../schema/users';

const LIST: ListSpec = {
  orderable: ['email', 'firstName', 'lastName', 'role', 'createdAt', 'updatedAt'],
  searchable: ['email', 'firstName', 'lastName'],
};

/** A password-reset token lives 15 minutes, as Medusa's. */
const RESET_TTL_MS = 15 * 60 * 1000;

export function listUsers(ctx: Context, filter: UserFilter | undefined, args: PageArgs) {
  const where = whereOf(filter, ['email']);
  if (filter?.email) where.email = filter.email.toLowerCase();
  return findPage(ctx, User, where, args, LIST);
}

export async function retrieveUser(ctx: Context, id: string, lock = false): Promise<User> {
  const user = await ctx.em.findOne(User, { id }, lock ? lockRow() : {});
  if (!user) throw notFound('User', id);
  return user;
}

export async function findUserByEmail(ctx: Context, email: string, populate: ('passwordHash')[] = []): Promise<User | null> {
  return ctx.em.findOne(User, { email: email.toLowerCase() }, { populate: populate as any });
}

/**
 * Emails are stored lower-case, so they are unique and found regardless of case. A taken email is
 * Medusa's 400 `invalid_data` "A user with the same email already exists." (a race lost to the
 * index is still the unique violation's 422).
 */
export async function createUser(ctx: Context, input: CreateUserInput & { role?: UserRole | null }): Promise<User> {
  const email = input.email.toLowerCase();
  if (await ctx.em.count(User, { email })) throw invalid('A user with the same email already exists.');
  const user = ctx.em.create(User, {
    email,
    firstName: input.firstName ?? null,
    lastName: input.lastName ?? null,
    role: input.role ?? UserRole.member,
    passwordHash: await hashPassword(input.password),
  });
  await ctx.em.flush();
  return user;
}

/** Users with the admin role manage users and invites. */
export function requireAdmin(ctx: Context): void {
  if (!isAdmin(ctx.auth)) throw forbidden();
}

const isAdmin = (auth?: AuthInfo) => auth?.role === UserRole.admin;

/** The shortest API token accepted: it is a bearer secret, compared by its SHA-256 hash. */
const MIN_API_TOKEN = 16;

export async function updateUser(ctx: Context, id: string, input: UpdateUserInput): Promise<User> {
  // Others may update only themselves, and not their role (a member could otherwise make itself admin).
  if (!isAdmin(ctx.auth) && (ctx.auth?.userId !== id || (input.role != null))) requireAdmin(ctx);
  const user = await retrieveUser(ctx, id, true); // locked: concurrent metadata merges must not be lost
  if (input.firstName !== undefined) user.firstName = input.firstName;
  if (input.lastName !== undefined) user.lastName = input.lastName;
  if (input.role !== undefined && input.role !== null) user.role = input.role;
  if (input.apiToken !== undefined) user.apiToken = await apiTokenHash(ctx, id, input.apiToken);
  if (input.metadata !== undefined) user.metadata = mergeMetadata(user.metadata, input.metadata);
  await ctx.em.flush();
  return user;
}

/**
 * Soft delete; the user's API token stops working at once and the email becomes free again.
 * Deleting is idempotent, as in Medusa: an unknown or already deleted user answers deleted too.
 */
export async function deleteUser(ctx: Context, id: string): Promise<DeleteResponse> {
  requireAdmin(ctx);
  const user = await ctx.em.findOne(User, { id });
  if (user) {
    user.deletedAt = new Date();
    user.apiToken = null;
    await ctx.em.flush();
  }
  return DeleteResponse.of(id, 'user');
}

/**
 * Issues a single-use reset token and announces it (`user.password_reset`) for delivery by email.
 * Unknown emails get the same silent answer, so the endpoint cannot be used to find accounts.
 */
export async function requestPasswordReset(ctx: Context, email: string): Promise<void> {
  await limitAttempt(ctx, 'passwordToken', email);
  const user = await ctx.em.findOne(User, { email: email.toLowerCase() }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  // The same work whether or not the email is known (a token made and hashed, one UPDATE, one
  // outbox job: a decoy that delivers nothing), so that the answer's timing does not tell which
  // emails have accounts.
  const token = newToken();
  const fields = { resetTokenHash: digest(token), resetTokenExpiresAt: new Date(Date.now() + RESET_TTL_MS) };
  if (!user) {
    await ctx.em.nativeUpdate(User, { id: '' }, fields);
    ctx.events.emitDecoy('user.password_reset', { id: '', email: email.toLowerCase(), token });
    return;
  }
  Object.assign(user, fields);
  await ctx.em.flush();
  ctx.events.emit('user.password_reset', { id: user.id, email: user.email, token });
}

/**
 * Sets a new password with a reset token, which is then spent. As in Medusa, a token that matches
 * no user is `invalid token` (400); one that is expired or meant for another email is a 401.
 */
export async function resetPassword(ctx: Context, input: ResetPasswordInput): Promise<User> {
  await limitAttempt(ctx, 'resetPassword', input.email ?? undefined);
  const user = await ctx.em.findOne(
    User,
    { resetTokenHash: digest(input.token) },
    { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['resetTokenExpiresAt'] as any },
  );
  if (!user) throw invalid('invalid token');
  const expired = !user.resetTokenExpiresAt || user.resetTokenExpiresAt.getTime() < Date.now();
  if (expired || (input.email && input.email.toLowerCase() !== user.email)) {
    throw unauthorized('Invalid or expired password reset token');
  }
  user.passwordHash = await hashPassword(input.password);
  user.resetTokenHash = null;
  user.resetTokenExpiresAt = null;
  // Every session and JWT issued before the reset stops working.
  user.tokenVersion += 1;
  await ctx.em.flush();
  return user;
}

/**
 * The stored form of a new API token: its SHA-256 hash, or null to clear it. A token another
 * user has is refused without saying so in words that confirm a guess (no value, no "exists").
 */
async function apiTokenHash(ctx: Context, userId: string, token: string | null | undefined): Promise<string | null> {
  if (!token) return null;
  if (token.length < MIN_API_TOKEN) throw invalid(`api_token must be longer than or equal to ${MIN_API_TOKEN} characters`);
  const hash = digest(token);
  if (await ctx.em.count(User, { apiToken: hash, id: { $ne: userId } }, { filters: false })) throw invalid('api_token cannot be used; choose another random token');
  return hash;
}
