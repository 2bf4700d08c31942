import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../src/context';
import { User } from '../src/entities/users';
import * as auth from '../src/services/auth';
import { AccessToken, LoginInput } from '../schema/auth';

@Resolver()
export class AuthResolver {
  @Query(() => User, { description: 'The signed-in user.' })
  currentUser(@Ctx() ctx: Context) {
    return auth.currentUser(ctx);
  }

  @Mutation(() => User, { description: 'Signs in with a session cookie (connect.sid).' })
  login(@Arg('input') input: LoginInput, @Ctx() ctx: Context) {
    return auth.login(ctx, input.email, input.password);
  }

  @Mutation(() => Boolean, { description: 'Ends the session.' })
  async logout(@Ctx() ctx: Context) {
    await auth.logout(ctx);
    return true;
  }

  @Mutation(() => AccessToken, { description: 'A JWT for the Authorization: Bearer header.' })
  async createAccessToken(@Arg('input') input: LoginInput, @Ctx() ctx: Context) {
    return { accessToken: await auth.createAccessToken(ctx, input.email, input.password) };
  }
}
