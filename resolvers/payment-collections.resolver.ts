import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { Currency } from '../src/entities/currencies';
import { Payment } from '../src/entities/orders';
import { PaymentCollection, PaymentSession } from '../src/entities/payment-collections';
import { Region } from '../src/entities/regions';
import * as collections from '../src/services/payment-collections';
import { DeleteResponse } from '../schema/common';
import { UpdatePaymentCollectionInput } from '../schema/payment-collections';

@Resolver(() => PaymentCollection)
export class PaymentCollectionResolver {
  @Query(() => PaymentCollection)
  paymentCollection(@Arg('id') id: string, @Ctx() ctx: Context) { return collections.retrievePaymentCollection(ctx, id); }

  @Mutation(() => PaymentCollection, { description: 'Changes the description and merges the metadata.' })
  updatePaymentCollection(@Arg('id') id: string, @Arg('input') input: UpdatePaymentCollectionInput, @Ctx() ctx: Context) {
    return collections.updatePaymentCollection(ctx, id, input);
  }

  @Mutation(() => DeleteResponse, { description: 'Deletes a collection with nothing paid (not_paid or canceled).' })
  deletePaymentCollection(@Arg('id') id: string, @Ctx() ctx: Context) { return collections.deletePaymentCollection(ctx, id); }

  @Mutation(() => PaymentCollection, { description: 'Marks the whole amount authorized (a manual authorization).' })
  authorizePaymentCollection(@Arg('id') id: string, @Ctx() ctx: Context) { return collections.authorizePaymentCollection(ctx, id); }

  @FieldResolver(() => Region, { nullable: true })
  region(@Root() root: PaymentCollection, @Ctx() ctx: Context) { return ctx.loaders.byId(Region, root.region.id); }

  @FieldResolver(() => Currency, { nullable: true })
  currency(@Root() root: PaymentCollection, @Ctx() ctx: Context) { return ctx.loaders.byId(Currency, root.currency.code, 'code'); }

  @FieldResolver(() => [PaymentSession])
  paymentSessions(@Root() root: PaymentCollection, @Ctx() ctx: Context) { return ctx.loaders.relation<PaymentCollection, PaymentSession[]>(root, 'paymentSessions'); }

  @FieldResolver(() => [Payment])
  payments(@Root() root: PaymentCollection, @Ctx() ctx: Context) { return ctx.loaders.relation<PaymentCollection, Payment[]>(root, 'payments'); }
}
