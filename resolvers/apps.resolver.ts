import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../src/context';
import { OAuthApp } from '../src/entities/apps';
import * as apps from '../src/services/apps';
import { AuthorizeAppInput } from '../schema/apps';

@Resolver(() => OAuthApp)
export class AppsResolver {
  @Query(() => [OAuthApp])
  apps(@Ctx() ctx: Context) {
    return apps.listApps(ctx);
  }

  @Mutation(() => OAuthApp)
  authorizeApp(@Arg('input') input: AuthorizeAppInput, @Ctx() ctx: Context) {
    return apps.authorizeApp(ctx, input);
  }
}
