import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { ClaimImage, ClaimItem, ClaimOrder, ClaimTag } from '../src/entities/claims';
import { Address } from '../src/entities/customers';
import { Fulfillment, LineItem, Order, ShippingMethod } from '../src/entities/orders';
import { Return } from '../src/entities/returns';
import { ProductVariant } from '../src/entities/variants';
import * as claims from '../src/services/claims';
import { childrenOf } from '../src/services/orders';
import { ClaimFulfillmentInput, ClaimShipmentInput, CreateClaimInput, UpdateClaimInput } from '../schema/claims';

/* Claims of an order: the workflows answer the order, as Medusa's claim routes do. */

@Resolver(() => ClaimOrder)
export class ClaimResolver {
  @Mutation(() => Order, { description: 'Creates a claim on the order; a refund claim is refunded at once (reason `claim`).' })
  createClaim(@Arg('id') id: string, @Arg('input') input: CreateClaimInput, @Ctx() ctx: Context) { return claims.createClaim(ctx, id, input); }

  @Mutation(() => Order, { description: 'Changes a claim\'s items, shipping methods, notification setting and metadata.' })
  updateClaim(@Arg('id') id: string, @Arg('claimId') claimId: string, @Arg('input') input: UpdateClaimInput, @Ctx() ctx: Context) {
    return claims.updateClaim(ctx, id, claimId, input);
  }

  @Mutation(() => Order, { description: 'Cancels a claim without refund whose fulfillments and return are canceled (again: no change).' })
  cancelClaim(@Arg('id') id: string, @Arg('claimId') claimId: string, @Ctx() ctx: Context) { return claims.cancelClaim(ctx, id, claimId); }

  @Mutation(() => Order, { description: 'Fulfils a replacement claim\'s new lines through its shipping methods.' })
  createClaimFulfillment(@Arg('id') id: string, @Arg('claimId') claimId: string, @Arg('input', { nullable: true }) input: ClaimFulfillmentInput, @Ctx() ctx: Context) {
    return claims.fulfillClaim(ctx, id, claimId, input ?? {});
  }

  @Mutation(() => Order, { description: 'Cancels an unshipped fulfillment of a claim.' })
  cancelClaimFulfillment(@Arg('id') id: string, @Arg('claimId') claimId: string, @Arg('fulfillmentId') fulfillmentId: string, @Ctx() ctx: Context) {
    return claims.cancelClaimFulfillment(ctx, id, claimId, fulfillmentId);
  }

  @Mutation(() => Order, { description: 'Marks a fulfillment of a claim shipped, with tracking numbers.' })
  createClaimShipment(@Arg('id') id: string, @Arg('claimId') claimId: string, @Arg('input') input: ClaimShipmentInput, @Ctx() ctx: Context) {
    return claims.shipClaim(ctx, id, claimId, input);
  }

  @FieldResolver(() => Order, { nullable: true })
  order(@Root() root: ClaimOrder, @Ctx() ctx: Context) { return ctx.loaders.byId(Order, root.order.id); }

  @FieldResolver(() => [ClaimItem])
  claimItems(@Root() root: ClaimOrder, @Ctx() ctx: Context) { return childrenOf(ctx, ClaimItem, 'claimOrder', root.id); }

  @FieldResolver(() => [LineItem], { description: 'The replacement lines.' })
  additionalItems(@Root() root: ClaimOrder, @Ctx() ctx: Context) { return childrenOf(ctx, LineItem, 'claimOrderId', root.id); }

  @FieldResolver(() => [Fulfillment])
  fulfillments(@Root() root: ClaimOrder, @Ctx() ctx: Context) { return childrenOf(ctx, Fulfillment, 'claimOrderId', root.id); }

  @FieldResolver(() => [ShippingMethod])
  shippingMethods(@Root() root: ClaimOrder, @Ctx() ctx: Context) { return childrenOf(ctx, ShippingMethod, 'claimOrderId', root.id); }

  @FieldResolver(() => Return, { nullable: true, description: 'The return of the claimed items, when the claim asked for one.' })
  async returnOrder(@Root() root: ClaimOrder, @Ctx() ctx: Context) { return (await childrenOf(ctx, Return, 'claimOrderId', root.id))[0] ?? null; }

  @FieldResolver(() => Address, { nullable: true })
  shippingAddress(@Root() root: ClaimOrder, @Ctx() ctx: Context) { return root.shippingAddress ? ctx.loaders.byId(Address, root.shippingAddress.id) : null; }
}

@Resolver(() => ClaimItem)
export class ClaimItemResolver {
  @FieldResolver(() => LineItem, { nullable: true })
  item(@Root() root: ClaimItem, @Ctx() ctx: Context) { return ctx.loaders.byId(LineItem, root.item.id); }

  @FieldResolver(() => ProductVariant, { nullable: true })
  variant(@Root() root: ClaimItem, @Ctx() ctx: Context) { return ctx.loaders.byId(ProductVariant, root.variant.id); }

  @FieldResolver(() => ClaimOrder, { nullable: true })
  claimOrder(@Root() root: ClaimItem, @Ctx() ctx: Context) { return ctx.loaders.byId(ClaimOrder, root.claimOrder.id); }

  @FieldResolver(() => [ClaimImage])
  images(@Root() root: ClaimItem, @Ctx() ctx: Context) { return childrenOf(ctx, ClaimImage, 'claimItem', root.id); }

  @FieldResolver(() => [ClaimTag])
  tags(@Root() root: ClaimItem, @Ctx() ctx: Context) { return ctx.loaders.relation<ClaimItem, ClaimTag[]>(root, 'tags'); }
}

@Resolver(() => Order)
export class OrderClaimsResolver {
  @FieldResolver(() => [ClaimOrder], { description: 'The order\'s claims, oldest first.' })
  claims(@Root() root: Order, @Ctx() ctx: Context) { return childrenOf(ctx, ClaimOrder, 'order', root.id); }
}
