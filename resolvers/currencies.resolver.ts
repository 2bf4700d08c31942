import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../src/context';
import { Currency } from '../src/entities/currencies';
import * as currencies from '../src/services/currencies';
import { CurrencyList, CurrencyListArgs, UpdateCurrencyInput } from '../schema/currencies';

@Resolver(() => Currency)
export class CurrenciesResolver {
  @Query(() => CurrencyList)
  currencies(@Args() { filter, ...page }: CurrencyListArgs, @Ctx() ctx: Context) {
    return currencies.listCurrencies(ctx, filter, page);
  }

  @Mutation(() => Currency)
  updateCurrency(@Arg('code') code: string, @Arg('input') input: UpdateCurrencyInput, @Ctx() ctx: Context) {
    return currencies.updateCurrency(ctx, code, input);
  }
}
