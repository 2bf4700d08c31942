import { LockMode } from '@mikro-orm/core';
import type { Context } from '../context';
import { User, UserRole } from '../entities/users';
import { invalid, notFound, unauthorized } from '../lib/errors';
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

export async function retrieveUser(ctx: Context, id: string): Promise<User> {
  const user = await ctx.em.findOne(User, { id });
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

export async function updateUser(ctx: Context, id: string, input: UpdateUserInput): Promise<User> {
  const user = await retrieveUser(ctx, id);
  if (input.firstName !== undefined) user.firstName = input.firstName;
  if (input.lastName !== undefined) user.lastName = input.lastName;
  if (input.role !== undefined && input.role !== null) user.role = input.role;
  if (input.apiToken !== undefined) user.apiToken = input.apiToken || null;
  if (input.metadata !== undefined) user.metadata = mergeMetadata(user.metadata, input.metadata);
  await ctx.em.flush();
  return user;
}

/**
 * Soft delete; the user's API token stops working at once and the email becomes free again.
 * Deleting is idempotent, as in Medusa: an unknown or already deleted user answers deleted too.
 */
export async function deleteUser(ctx: Context, id: string): Promise<DeleteResponse> {
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
  const user = await ctx.em.findOne(User, { email: email.toLowerCase() }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!user) return;
  const token = newToken();
  user.resetTokenHash = digest(token);
  user.resetTokenExpiresAt = new Date(Date.now() + RESET_TTL_MS);
  await ctx.em.flush();
  ctx.events.emit('user.password_reset', { id: user.id, email: user.email, token });
}

/**
 * Sets a new password with a reset token, which is then spent. As in Medusa, a token that matches
 * no user is `invalid token` (400); one that is expired or meant for another email is a 401.
 */
export async function resetPassword(ctx: Context, input: ResetPasswordInput): Promise<User> {
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
  await ctx.em.flush();
  return user;
}
