import { LockMode } from '@mikro-orm/core';
import type { Context } from '../context';
import { Invite } from '../entities/invites';
import { User, UserRole } from '../entities/users';
import { invalid } from '../lib/errors';
import { newToken } from '../lib/password';
import { lockKey } from '../lib/locks';
import { DeleteResponse } from '../../schema/common';
import type { AcceptInviteInput, CreateInviteInput } from '../../schema/invites';
import { createUser, requireAdmin } from './users';

/** Invites are valid for a week, as Medusa's. */
const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function listInvites(ctx: Context): Promise<Invite[]> {
  return ctx.em.find(Invite, {}, { orderBy: { createdAt: 'desc', id: 'asc' } });
}

/** Medusa answers an unknown invite with 400 "Invite doesn't exist" (not a 404). */
async function retrieveInvite(ctx: Context, id: string): Promise<Invite> {
  const invite = await ctx.em.findOne(Invite, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!invite) throw invalid("Invite doesn't exist");
  return invite;
}

/** A fresh token and expiry, announced as `invite.created` so that the link can be sent. */
function renew(ctx: Context, invite: Invite): void {
  invite.token = newToken();
  invite.expiresAt = new Date(Date.now() + INVITE_TTL_MS);
  ctx.events.emit('invite.created', { id: invite.id, user_email: invite.userEmail, token: invite.token });
}

/** Inviting an email that already has an invite renews that invite (Medusa's behaviour). */
export async function createInvite(ctx: Context, input: CreateInviteInput): Promise<Invite> {
  requireAdmin(ctx); // an invite names the new user's role
  const email = input.user.toLowerCase();
  // Racing invites of a new email: the later ones wait, then renew the first one's invite.
  await lockKey(ctx.em, `invite:${email}`);
  if (await ctx.em.count(User, { email })) throw invalid("Can't invite a user with an existing account");
  let invite = await ctx.em.findOne(Invite, { userEmail: email }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!invite) {
    invite = ctx.em.create(Invite, { userEmail: email, role: input.role, accepted: false, token: '', expiresAt: new Date() });
    ctx.em.persist(invite);
  } else {
    invite.role = input.role;
  }
  renew(ctx, invite);
  await ctx.em.flush();
  return invite;
}

export async function resendInvite(ctx: Context, id: string): Promise<Invite> {
  requireAdmin(ctx);
  const invite = await retrieveInvite(ctx, id);
  if (invite.accepted) throw invalid('The invite has already been accepted');
  renew(ctx, invite);
  await ctx.em.flush();
  return invite;
}

/** Deleting an unknown or already deleted invite still answers deleted, as Medusa does. */
export async function deleteInvite(ctx: Context, id: string): Promise<DeleteResponse> {
  requireAdmin(ctx);
  const invite = await ctx.em.findOne(Invite, { id });
  if (invite) {
    invite.deletedAt = new Date();
    await ctx.em.flush();
  }
  return DeleteResponse.of(id, 'invite');
}

/**
 * Creates the invited user with the invite's role and spends the invite. The invite row is locked,
 * so two accepts racing on one token create one user.
 */
export async function acceptInvite(ctx: Context, input: AcceptInviteInput): Promise<User> {
  // A spent or deleted invite's token was valid once: Medusa calls it an invalid invite, not a bad token.
  const invite = await ctx.em.findOne(Invite, { token: input.token }, { lockMode: LockMode.PESSIMISTIC_WRITE, filters: { softDelete: false } });
  if (!invite) throw invalid('Token is not valid');
  if (invite.accepted || invite.deletedAt || invite.expiresAt.getTime() < Date.now()) throw invalid('Invalid invite');
  if (await ctx.em.count(User, { email: invite.userEmail })) throw invalid('User already joined');
  const user = await createUser(ctx, {
    email: invite.userEmail,
    password: input.user.password,
    firstName: input.user.firstName ?? undefined,
    lastName: input.user.lastName ?? undefined,
    role: invite.role ?? UserRole.member,
  });
  invite.accepted = true;
  invite.deletedAt = new Date();
  await ctx.em.flush();
  return user;
}
