import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../src/context';
import { Invite } from '../src/entities/invites';
import { User } from '../src/entities/users';
import * as invites from '../src/services/invites';
import { DeleteResponse } from '../schema/common';
import { AcceptInviteInput, CreateInviteInput } from '../schema/invites';

@Resolver(() => Invite)
export class InvitesResolver {
  @Query(() => [Invite], { description: 'Every open invite, newest first.' })
  invites(@Ctx() ctx: Context) {
    return invites.listInvites(ctx);
  }

  @Mutation(() => Invite, { description: 'Invites an email (or renews its invite).' })
  createInvite(@Arg('input') input: CreateInviteInput, @Ctx() ctx: Context) {
    return invites.createInvite(ctx, input);
  }

  @Mutation(() => Invite, { description: 'A new token and expiry, sent again.' })
  resendInvite(@Arg('inviteId') inviteId: string, @Ctx() ctx: Context) {
    return invites.resendInvite(ctx, inviteId);
  }

  @Mutation(() => DeleteResponse)
  deleteInvite(@Arg('inviteId') inviteId: string, @Ctx() ctx: Context) {
    return invites.deleteInvite(ctx, inviteId);
  }

  @Mutation(() => User, { description: 'Creates the invited user; needs no credentials, only the token.' })
  acceptInvite(@Arg('input') input: AcceptInviteInput, @Ctx() ctx: Context) {
    return invites.acceptInvite(ctx, input);
  }
}
