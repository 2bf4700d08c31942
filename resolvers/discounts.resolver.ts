import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { Discount, DiscountCondition, DiscountRule } from '../src/entities/discounts';
import { Region } from '../src/entities/regions';
import { Product } from '../src/entities/products';
import { ProductType } from '../src/entities/product-types';
import { ProductCollection } from '../src/entities/collections';
import { ProductTag } from '../src/entities/product-tags';
import { CustomerGroup } from '../src/entities/customer-groups';
import * as discounts from '../src/services/discounts';
import { DeleteResponse } from '../schema/common';
import {
  CreateDiscountInput, CreateDynamicCodeInput, DiscountConditionDeleteResponse, DiscountConditionInput,
  DiscountConditionBatchInput, DiscountConditionResourcesInput, DiscountList, DiscountListArgs, UpdateDiscountInput,
} from '../schema/discounts';

@Resolver(() => Discount)
export class DiscountsResolver {
  @Query(() => DiscountList, { description: 'Discounts, filtered and paged.' })
  discounts(@Args() { filter, ...page }: DiscountListArgs, @Ctx() ctx: Context) {
    return discounts.listDiscounts(ctx, filter, page);
  }

  @Query(() => Discount)
  discount(@Arg('id') id: string, @Ctx() ctx: Context) {
    return discounts.retrieveDiscount(ctx, id);
  }

  @Query(() => Discount, { description: 'A discount by its code, in any case.' })
  discountByCode(@Arg('code') code: string, @Ctx() ctx: Context) {
    return discounts.retrieveDiscountByCode(ctx, code);
  }

  @Mutation(() => Discount)
  createDiscount(@Arg('input') input: CreateDiscountInput, @Ctx() ctx: Context) {
    return discounts.createDiscount(ctx, input);
  }

  @Mutation(() => Discount)
  updateDiscount(@Arg('id') id: string, @Arg('input') input: UpdateDiscountInput, @Ctx() ctx: Context) {
    return discounts.updateDiscount(ctx, id, input);
  }

  @Mutation(() => DeleteResponse)
  deleteDiscount(@Arg('id') id: string, @Ctx() ctx: Context) {
    return discounts.deleteDiscount(ctx, id);
  }

  @Mutation(() => Discount, { description: 'Creates a code of a dynamic discount; answers the new code.' })
  createDiscountDynamicCode(@Arg('id') id: string, @Arg('input') input: CreateDynamicCodeInput, @Ctx() ctx: Context) {
    return discounts.createDynamicCode(ctx, id, input);
  }

  @Mutation(() => Discount, { description: 'Deletes a code of a dynamic discount; answers the dynamic discount.' })
  deleteDiscountDynamicCode(@Arg('id') id: string, @Arg('code') code: string, @Ctx() ctx: Context) {
    return discounts.deleteDynamicCode(ctx, id, code);
  }

  @Mutation(() => Discount)
  addDiscountRegion(@Arg('id') id: string, @Arg('regionId') regionId: string, @Ctx() ctx: Context) {
    return discounts.addDiscountRegion(ctx, id, regionId);
  }

  @Mutation(() => Discount)
  removeDiscountRegion(@Arg('id') id: string, @Arg('regionId') regionId: string, @Ctx() ctx: Context) {
    return discounts.removeDiscountRegion(ctx, id, regionId);
  }

  @FieldResolver(() => DiscountRule, { nullable: true })
  rule(@Root() root: Discount, @Ctx() ctx: Context) {
    return root.ruleId ? ctx.loaders.byId(DiscountRule, root.ruleId) : null;
  }

  @FieldResolver(() => Discount, { nullable: true })
  parentDiscount(@Root() root: Discount, @Ctx() ctx: Context) {
    return root.parentDiscountId ? ctx.loaders.byId(Discount, root.parentDiscountId) : null;
  }

  @FieldResolver(() => [Region])
  regions(@Root() root: Discount, @Ctx() ctx: Context) {
    return ctx.loaders.relation<Discount, Region[]>(root, 'regions');
  }
}

@Resolver(() => DiscountRule)
export class DiscountRuleResolver {
  @FieldResolver(() => [DiscountCondition])
  conditions(@Root() root: DiscountRule, @Ctx() ctx: Context) {
    return ctx.loaders.children(DiscountCondition, 'discountRule', root.id);
  }
}

@Resolver(() => DiscountCondition)
export class DiscountConditionResolver {
  @Query(() => DiscountCondition)
  discountCondition(@Arg('discountId') discountId: string, @Arg('conditionId') conditionId: string, @Ctx() ctx: Context) {
    return discounts.retrieveDiscountCondition(ctx, discountId, conditionId);
  }

  @Mutation(() => Discount, { description: 'Adds a condition to the discount\'s rule; answers the discount.' })
  createDiscountCondition(@Arg('discountId') discountId: string, @Arg('input') input: DiscountConditionInput, @Ctx() ctx: Context) {
    return discounts.createDiscountCondition(ctx, discountId, input);
  }

  @Mutation(() => Discount, { description: 'Replaces the resources of a condition; answers the discount.' })
  updateDiscountCondition(
    @Arg('discountId') discountId: string, @Arg('conditionId') conditionId: string,
    @Arg('input') input: DiscountConditionResourcesInput, @Ctx() ctx: Context,
  ) {
    return discounts.updateDiscountCondition(ctx, discountId, conditionId, input);
  }

  @Mutation(() => DiscountConditionDeleteResponse)
  deleteDiscountCondition(@Arg('discountId') discountId: string, @Arg('conditionId') conditionId: string, @Ctx() ctx: Context) {
    return discounts.deleteDiscountCondition(ctx, discountId, conditionId);
  }

  @Mutation(() => Discount, { description: 'Adds resources (of the condition\'s kind) to a condition; answers the discount.' })
  addDiscountConditionResources(
    @Arg('discountId') discountId: string, @Arg('conditionId') conditionId: string,
    @Arg('input') input: DiscountConditionBatchInput, @Ctx() ctx: Context,
  ) {
    return discounts.addDiscountConditionResources(ctx, discountId, conditionId, input.resources);
  }

  @Mutation(() => Discount, { description: 'Removes resources from a condition; answers the discount.' })
  removeDiscountConditionResources(
    @Arg('discountId') discountId: string, @Arg('conditionId') conditionId: string,
    @Arg('input') input: DiscountConditionBatchInput, @Ctx() ctx: Context,
  ) {
    return discounts.removeDiscountConditionResources(ctx, discountId, conditionId, input.resources);
  }

  @FieldResolver(() => DiscountRule)
  discountRule(@Root() root: DiscountCondition, @Ctx() ctx: Context) {
    return ctx.loaders.byId(DiscountRule, root.discountRuleId);
  }

  @FieldResolver(() => [Product])
  products(@Root() root: DiscountCondition, @Ctx() ctx: Context) {
    return ctx.loaders.relation<DiscountCondition, Product[]>(root, 'products');
  }

  @FieldResolver(() => [ProductType])
  productTypes(@Root() root: DiscountCondition, @Ctx() ctx: Context) {
    return ctx.loaders.relation<DiscountCondition, ProductType[]>(root, 'productTypes');
  }

  @FieldResolver(() => [ProductCollection])
  productCollections(@Root() root: DiscountCondition, @Ctx() ctx: Context) {
    return ctx.loaders.relation<DiscountCondition, ProductCollection[]>(root, 'productCollections');
  }

  @FieldResolver(() => [ProductTag])
  productTags(@Root() root: DiscountCondition, @Ctx() ctx: Context) {
    return ctx.loaders.relation<DiscountCondition, ProductTag[]>(root, 'productTags');
  }

  @FieldResolver(() => [CustomerGroup])
  customerGroups(@Root() root: DiscountCondition, @Ctx() ctx: Context) {
    return ctx.loaders.relation<DiscountCondition, CustomerGroup[]>(root, 'customerGroups');
  }
}
