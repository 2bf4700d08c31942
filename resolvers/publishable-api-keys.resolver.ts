import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { PublishableApiKey } from '../src/entities/publishable-api-keys';
import { SalesChannel } from '../src/entities/sales-channels';
import * as keys from '../src/services/publishable-api-keys';
import { DeleteResponse } from '../schema/common';
import {
  CreatePublishableApiKeyInput, PublishableApiKeyList, PublishableApiKeyListArgs, PublishableKeySalesChannelListArgs,
  PublishableKeySalesChannelsArgs, UpdatePublishableApiKeyInput,
} from '../schema/publishable-api-keys';

@Resolver(() => PublishableApiKey)
export class PublishableApiKeysResolver {
  @Query(() => PublishableApiKeyList, { description: 'Publishable API keys, searched by title and paged.' })
  publishableApiKeys(@Args() { filter, ...page }: PublishableApiKeyListArgs, @Ctx() ctx: Context) {
    return keys.listPublishableApiKeys(ctx, filter, page);
  }

  @Query(() => PublishableApiKey)
  publishableApiKey(@Arg('id') id: string, @Ctx() ctx: Context) {
    return keys.retrievePublishableApiKey(ctx, id);
  }

  @Query(() => [SalesChannel], { description: 'The sales channels a key is scoped to.' })
  publishableApiKeySalesChannels(@Args() { id, q }: PublishableKeySalesChannelListArgs, @Ctx() ctx: Context) {
    return keys.listKeySalesChannels(ctx, id, q);
  }

  @Mutation(() => PublishableApiKey)
  createPublishableApiKey(@Arg('input') input: CreatePublishableApiKeyInput, @Ctx() ctx: Context) {
    return keys.createPublishableApiKey(ctx, input);
  }

  @Mutation(() => PublishableApiKey)
  updatePublishableApiKey(@Arg('id') id: string, @Arg('input') input: UpdatePublishableApiKeyInput, @Ctx() ctx: Context) {
    return keys.updatePublishableApiKey(ctx, id, input);
  }

  @Mutation(() => DeleteResponse)
  deletePublishableApiKey(@Arg('id') id: string, @Ctx() ctx: Context) {
    return keys.deletePublishableApiKey(ctx, id);
  }

  @Mutation(() => PublishableApiKey)
  revokePublishableApiKey(@Arg('id') id: string, @Ctx() ctx: Context) {
    return keys.revokePublishableApiKey(ctx, id);
  }

  @Mutation(() => PublishableApiKey)
  addPublishableApiKeySalesChannels(@Args() { id, salesChannelIds }: PublishableKeySalesChannelsArgs, @Ctx() ctx: Context) {
    return keys.addKeySalesChannels(ctx, id, salesChannelIds.map((c) => c.id));
  }

  @Mutation(() => PublishableApiKey)
  removePublishableApiKeySalesChannels(@Args() { id, salesChannelIds }: PublishableKeySalesChannelsArgs, @Ctx() ctx: Context) {
    return keys.removeKeySalesChannels(ctx, id, salesChannelIds.map((c) => c.id));
  }

  @FieldResolver(() => [SalesChannel])
  salesChannels(@Root() root: PublishableApiKey, @Ctx() ctx: Context) {
    return ctx.loaders.relation<PublishableApiKey, SalesChannel[]>(root, 'salesChannels');
  }
}
