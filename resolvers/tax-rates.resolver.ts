import DataLoader from 'dataloader';
import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { Region } from '../src/entities/regions';
import { TaxRate } from '../src/entities/tax-rates';
import { Product } from '../src/entities/products';
import { ProductType } from '../src/entities/product-types';
import { ShippingOption } from '../src/entities/shipping-options';
import * as taxRates from '../src/services/tax-rates';
import { DeleteResponse } from '../schema/common';
import {
  CreateTaxRateInput, TaxRateList, TaxRateListArgs, TaxRateProductsInput, TaxRateProductTypesInput, TaxRateShippingOptionsInput, UpdateTaxRateInput,
} from '../schema/tax-rates';

@Resolver(() => TaxRate)
export class TaxRatesResolver {
  @Query(() => TaxRateList, { description: 'Tax rates, filtered and paged.' })
  taxRates(@Args() { filter, ...page }: TaxRateListArgs, @Ctx() ctx: Context) {
    return taxRates.listTaxRates(ctx, filter, page);
  }

  @Query(() => TaxRate)
  taxRate(@Arg('id') id: string, @Ctx() ctx: Context) {
    return taxRates.retrieveTaxRate(ctx, id);
  }

  @Mutation(() => TaxRate)
  createTaxRate(@Arg('input') input: CreateTaxRateInput, @Ctx() ctx: Context) {
    return taxRates.createTaxRate(ctx, input);
  }

  @Mutation(() => TaxRate)
  updateTaxRate(@Arg('id') id: string, @Arg('input') input: UpdateTaxRateInput, @Ctx() ctx: Context) {
    return taxRates.updateTaxRate(ctx, id, input);
  }

  @Mutation(() => DeleteResponse, { description: 'Deletes for good; an unknown id also answers deleted.' })
  deleteTaxRate(@Arg('id') id: string, @Ctx() ctx: Context) {
    return taxRates.deleteTaxRate(ctx, id);
  }

  @Mutation(() => TaxRate)
  addTaxRateProducts(@Arg('id') id: string, @Arg('input') input: TaxRateProductsInput, @Ctx() ctx: Context) {
    return taxRates.addTaxRateLinks(ctx, id, 'products', input.products);
  }

  @Mutation(() => TaxRate)
  removeTaxRateProducts(@Arg('id') id: string, @Arg('input') input: TaxRateProductsInput, @Ctx() ctx: Context) {
    return taxRates.removeTaxRateLinks(ctx, id, 'products', input.products);
  }

  @Mutation(() => TaxRate)
  addTaxRateProductTypes(@Arg('id') id: string, @Arg('input') input: TaxRateProductTypesInput, @Ctx() ctx: Context) {
    return taxRates.addTaxRateLinks(ctx, id, 'productTypes', input.productTypes);
  }

  @Mutation(() => TaxRate)
  removeTaxRateProductTypes(@Arg('id') id: string, @Arg('input') input: TaxRateProductTypesInput, @Ctx() ctx: Context) {
    return taxRates.removeTaxRateLinks(ctx, id, 'productTypes', input.productTypes);
  }

  @Mutation(() => TaxRate)
  addTaxRateShippingOptions(@Arg('id') id: string, @Arg('input') input: TaxRateShippingOptionsInput, @Ctx() ctx: Context) {
    return taxRates.addTaxRateLinks(ctx, id, 'shippingOptions', input.shippingOptions);
  }

  @Mutation(() => TaxRate)
  removeTaxRateShippingOptions(@Arg('id') id: string, @Arg('input') input: TaxRateShippingOptionsInput, @Ctx() ctx: Context) {
    return taxRates.removeTaxRateLinks(ctx, id, 'shippingOptions', input.shippingOptions);
  }

  @FieldResolver(() => Region, { nullable: true })
  region(@Root() root: TaxRate, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Region, root.regionId);
  }

  @FieldResolver(() => [Product])
  products(@Root() root: TaxRate, @Ctx() ctx: Context) {
    return ctx.loaders.relation<TaxRate, Product[]>(root, 'products');
  }

  @FieldResolver(() => [ProductType])
  productTypes(@Root() root: TaxRate, @Ctx() ctx: Context) {
    return ctx.loaders.relation<TaxRate, ProductType[]>(root, 'productTypes');
  }

  @FieldResolver(() => [ShippingOption])
  shippingOptions(@Root() root: TaxRate, @Ctx() ctx: Context) {
    return ctx.loaders.relation<TaxRate, ShippingOption[]>(root, 'shippingOptions');
  }

  @FieldResolver(() => Int, { description: 'How many (live) products the rate applies to.' })
  productCount(@Root() root: TaxRate, @Ctx() ctx: Context) {
    return linkCounts(ctx, 'product_tax_rate', 'product', 'product_id').load(root.id);
  }

  @FieldResolver(() => Int, { description: 'How many (live) product types the rate applies to.' })
  productTypeCount(@Root() root: TaxRate, @Ctx() ctx: Context) {
    return linkCounts(ctx, 'product_type_tax_rate', 'product_type', 'product_type_id').load(root.id);
  }

  @FieldResolver(() => Int, { description: 'How many (live) shipping options the rate applies to.' })
  shippingOptionCount(@Root() root: TaxRate, @Ctx() ctx: Context) {
    return linkCounts(ctx, 'shipping_tax_rate', 'shipping_option', 'shipping_option_id').load(root.id);
  }
}

/** Request-scoped count loaders: one grouped query per link table for the whole page. */
// Kept with the request's loaders (renewed at each root mutation), so counts are never stale within a request.
function linkCounts(ctx: Context, pivot: string, table: string, column: string): DataLoader<string, number> {
  const loaders = ctx.loaders.state('tax-rates:link-counts', () => new Map<string, DataLoader<string, number>>());
  let loader = loaders.get(pivot);
  if (!loader) {
    loader = new DataLoader<string, number>(async (ids) => {
      const rows: { rate_id: string; n: number }[] = await ctx.em.getConnection().execute(
        `select l.rate_id, count(*)::int as n from "${pivot}" l join "${table}" t on t.id = l.${column} and t.deleted_at is null
         where l.rate_id in (${ids.map(() => '?').join(', ')}) group by l.rate_id`,
        [...ids],
      );
      const counts = new Map(rows.map((r) => [r.rate_id, r.n]));
      return ids.map((id) => counts.get(id) ?? 0);
    });
    loaders.set(pivot, loader);
  }
  return loader;
}
