import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { ReturnReason } from '../src/entities/return-reasons';
import * as reasons from '../src/services/return-reasons';
import { DeleteResponse } from '../schema/common';
import { CreateReturnReasonInput, UpdateReturnReasonInput } from '../schema/return-reasons';

@Resolver(() => ReturnReason)
export class ReturnReasonsResolver {
  @Query(() => [ReturnReason], { description: 'Top-level return reasons; their children are in returnReasonChildren.' })
  returnReasons(@Ctx() ctx: Context) {
    return reasons.listReturnReasons(ctx);
  }

  @Query(() => ReturnReason)
  returnReason(@Arg('id') id: string, @Ctx() ctx: Context) {
    return reasons.retrieveReturnReason(ctx, id);
  }

  @Mutation(() => ReturnReason)
  createReturnReason(@Arg('input') input: CreateReturnReasonInput, @Ctx() ctx: Context) {
    return reasons.createReturnReason(ctx, input);
  }

  @Mutation(() => ReturnReason)
  updateReturnReason(@Arg('id') id: string, @Arg('input') input: UpdateReturnReasonInput, @Ctx() ctx: Context) {
    return reasons.updateReturnReason(ctx, id, input);
  }

  @Mutation(() => DeleteResponse)
  deleteReturnReason(@Arg('id') id: string, @Ctx() ctx: Context) {
    return reasons.deleteReturnReason(ctx, id);
  }

  @FieldResolver(() => ReturnReason, { nullable: true })
  parentReturnReason(@Root() root: ReturnReason, @Ctx() ctx: Context) {
    const id = root.parentReturnReasonId;
    return id ? ctx.loaders.byId(ReturnReason, id) : null;
  }

  @FieldResolver(() => [ReturnReason])
  returnReasonChildren(@Root() root: ReturnReason, @Ctx() ctx: Context) {
    return ctx.loaders.children(ReturnReason, 'parentReturnReason', root.id);
  }
}
