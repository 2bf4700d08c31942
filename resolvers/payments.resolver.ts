import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../src/context';
import { Payment, Refund } from '../src/entities/orders';
import * as payments from '../src/services/payments';
import { RefundInput } from '../schema/payments';

@Resolver(() => Payment)
export class PaymentsResolver {
  @Query(() => Payment)
  payment(@Arg('id') id: string, @Ctx() ctx: Context) {
    return payments.retrievePayment(ctx, id);
  }

  @Mutation(() => Payment, { description: 'Captures the payment through its provider.' })
  capturePayment(@Arg('id') id: string, @Ctx() ctx: Context) {
    return payments.capturePayment(ctx, id);
  }

  @Mutation(() => Refund, { description: 'Refunds part of a captured payment (the order\'s payment status stays).' })
  refundPayment(@Arg('id') id: string, @Arg('input') input: RefundInput, @Ctx() ctx: Context) {
    return payments.refundPayment(ctx, id, input);
  }
}
