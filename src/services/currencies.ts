import type { Context } from '../context';
import { Currency } from '../entities/currencies';
import { notFound } from '../lib/errors';
import { findPage, ListSpec, PageArgs, whereOf } from '../lib/list';
import type { CurrencyFilter, UpdateCurrencyInput } from '../../schema/currencies';

const LIST: ListSpec = { orderable: ['code', 'name', 'includesTax'], searchable: ['code', 'name'], defaultOrder: { code: 'asc' } };

export function listCurrencies(ctx: Context, filter: CurrencyFilter | undefined, args: PageArgs) {
  const where = whereOf(filter, ['code']);
  if (filter?.code) where.code = filter.code.toLowerCase();
  return findPage(ctx, Currency, where, args, LIST);
}

export async function retrieveCurrency(ctx: Context, code: string): Promise<Currency> {
  const currency = await ctx.em.findOne(Currency, { code: code.toLowerCase() });
  if (!currency) throw notFound('Currency', code, 'code');
  return currency;
}

export async function updateCurrency(ctx: Context, code: string, input: UpdateCurrencyInput): Promise<Currency> {
  const currency = await retrieveCurrency(ctx, code);
  if (input.includesTax !== undefined && input.includesTax !== null) currency.includesTax = input.includesTax;
  await ctx.em.flush();
  return currency;
}
