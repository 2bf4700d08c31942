import { ArgsType, Field, Float, InputType } from 'type-graphql';
import { GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql';
import { IsArray, IsNotEmpty, IsOptional } from 'class-validator';
import { DateRange, ListArgs, PageOf } from './common';
import { TaxRate } from '../src/entities/tax-rates';

export type NumberOrRange = number | { lt?: number; gt?: number; lte?: number; gte?: number };

const RANGE_KEYS = ['lt', 'gt', 'lte', 'gte'];

/**
 * Medusa's numeric filter: a number (`rate=10`) or a range (`rate[gt]=5&rate[lte]=20`). Query
 * strings bring the numbers as text; they are parsed here, and anything else is refused.
 */
export const NumberOrRangeScalar = new GraphQLScalarType({
  name: 'NumberOrRange',
  description: 'A number, or a range `{lt, gt, lte, gte}` of numbers (each bound optional).',
  extensions: { queryObject: true },
  serialize: (value) => value,
  parseValue: (value) => parseNumberOrRange(value),
  parseLiteral: (ast) => parseNumberOrRange(ast.kind === Kind.OBJECT || ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? valueFromASTUntyped(ast) : undefined),
});

function parseNumberOrRange(value: unknown): NumberOrRange {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const range: Record<string, number> = {};
    for (const [key, bound] of Object.entries(value)) {
      if (!RANGE_KEYS.includes(key)) throw new TypeError(`${key} is not a range bound (lt, gt, lte, gte)`);
      range[key] = toNumber(bound);
    }
    return range;
  }
  return toNumber(value);
}

function toNumber(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw new TypeError(`${JSON.stringify(value)} is not a number`);
  return n;
}

@InputType()
export class TaxRateFilter {
  @Field(() => [String], { nullable: true }) regionId?: string[];
  @Field({ nullable: true }) code?: string;
  @Field({ nullable: true }) name?: string;
  @Field(() => NumberOrRangeScalar, { nullable: true }) rate?: NumberOrRange;
  @Field(() => DateRange, { nullable: true }) createdAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) updatedAt?: DateRange;
  @Field(() => DateRange, { nullable: true, description: 'Tax rates are deleted for good, so no rate matches a bound here.' }) deletedAt?: DateRange;
}

@ArgsType()
export class TaxRateListArgs extends ListArgs(50) {
  @Field(() => TaxRateFilter, { nullable: true }) filter?: TaxRateFilter;
}

export const TaxRateList = PageOf(TaxRate);

@InputType()
export class CreateTaxRateInput {
  @Field() @IsNotEmpty() code!: string;
  @Field() @IsNotEmpty() name!: string;
  @Field() @IsNotEmpty() regionId!: string;
  @Field(() => Float, { nullable: true }) rate?: number | null;
  @Field(() => [String], { nullable: true, description: 'Product ids to apply the rate to.' }) products?: string[];
  @Field(() => [String], { nullable: true, description: 'Product type ids to apply the rate to.' }) productTypes?: string[];
  @Field(() => [String], { nullable: true, description: 'Shipping option ids (of the same region) to apply the rate to.' }) shippingOptions?: string[];
}

@InputType()
export class UpdateTaxRateInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsNotEmpty() code?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsNotEmpty() name?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsNotEmpty() regionId?: string;
  @Field(() => Float, { nullable: true }) rate?: number | null;
  @Field(() => [String], { nullable: true, description: 'Replaces the products the rate applies to.' }) products?: string[];
  @Field(() => [String], { nullable: true, description: 'Replaces the product types the rate applies to.' }) productTypes?: string[];
  @Field(() => [String], { nullable: true, description: 'Replaces the shipping options the rate applies to.' }) shippingOptions?: string[];
}

// The bodies of the batch routes: Medusa's classes check only that each is a list.

@InputType()
export class TaxRateProductsInput {
  @Field(() => [String]) @IsArray() products!: string[];
}

@InputType()
export class TaxRateProductTypesInput {
  @Field(() => [String]) @IsArray() productTypes!: string[];
}

@InputType()
export class TaxRateShippingOptionsInput {
  @Field(() => [String]) @IsArray() shippingOptions!: string[];
}
