import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../src/context';
import { User } from '../src/entities/users';
import * as users from '../src/services/users';
import { DeleteResponse } from '../schema/common';
import { CreateUserInput, RequestPasswordResetInput, ResetPasswordInput, UpdateUserInput, UserList, UserListArgs } from '../schema/users';

@Resolver(() => User)
export class UsersResolver {
  @Query(() => UserList, { description: 'Admin users, filtered and paged.' })
  users(@Args() { filter, ...page }: UserListArgs, @Ctx() ctx: Context) {
    return users.listUsers(ctx, filter, page);
  }

  @Query(() => User)
  user(@Arg('id') id: string, @Ctx() ctx: Context) {
    return users.retrieveUser(ctx, id);
  }

  @Mutation(() => User)
  createUser(@Arg('input') input: CreateUserInput, @Ctx() ctx: Context) {
    users.requireAdmin(ctx); // here, not in the service: accepting an invite creates a user without one
    return users.createUser(ctx, input);
  }

  @Mutation(() => User)
  updateUser(@Arg('id') id: string, @Arg('input') input: UpdateUserInput, @Ctx() ctx: Context) {
    return users.updateUser(ctx, id, input);
  }

  @Mutation(() => DeleteResponse)
  deleteUser(@Arg('id') id: string, @Ctx() ctx: Context) {
    return users.deleteUser(ctx, id);
  }

  @Mutation(() => Boolean, { description: 'Sends a password-reset token to the email if it belongs to a user; always true.' })
  async requestPasswordReset(@Arg('input') input: RequestPasswordResetInput, @Ctx() ctx: Context) {
    await users.requestPasswordReset(ctx, input.email);
    return true;
  }

  /**
   * The token is write-only, but Medusa's User always carries the key: answered as null
   * everywhere a user is (notes' authors too), never the stored value.
   */
  @FieldResolver(() => String, { nullable: true, description: 'Write-only: always null (set it with updateUser).' })
  apiToken(): null {
    return null;
  }

  @Mutation(() => User)
  resetPassword(@Arg('input') input: ResetPasswordInput, @Ctx() ctx: Context) {
    return users.resetPassword(ctx, input);
  }
}
