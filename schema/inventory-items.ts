import { ArgsType, Field, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql';
import { IsNotEmpty, IsNumber, IsOptional, Min } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ListArgs, PageOf } from './common';
import { NumberOrRange, NumberOrRangeScalar } from './tax-rates';
import { InventoryItem, InventoryLevel } from '../src/entities/inventory-items';

export type StringMatch = string | string[] | { contains?: string; startsWith?: string; endsWith?: string; lt?: string; gt?: string; lte?: string; gte?: string };

const STRING_OPERATORS: Record<string, string> = {
  contains: 'contains', starts_with: 'startsWith', startsWith: 'startsWith', ends_with: 'endsWith', endsWith: 'endsWith', lt: 'lt', gt: 'gt', lte: 'lte', gte: 'gte',
};

/**
 * Medusa's text filter: a value (`hs_code=x`), any of several (`hs_code[]=x&hs_code[]=y`), or a
 * comparison (`hs_code[contains]=x`, `starts_with`, `ends_with`, `lt`, `gt`, `lte`, `gte`).
 */
export const StringMatchScalar = new GraphQLScalarType({
  name: 'StringMatch',
  description: 'A string, a list of strings (any of them), or a comparison `{contains, starts_with, ends_with, lt, gt, lte, gte}`.',
  extensions: { queryObject: true },
  serialize: (value) => value,
  parseValue: (value) => parseStringMatch(value),
  parseLiteral: (ast) => parseStringMatch(ast.kind === Kind.STRING || ast.kind === Kind.LIST || ast.kind === Kind.OBJECT ? valueFromASTUntyped(ast) : undefined),
});

function parseStringMatch(value: unknown): StringMatch {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const out: Record<string, string> = {};
    for (const [key, operand] of Object.entries(value)) {
      if (!STRING_OPERATORS[key]) throw new TypeError(`${key} is not a text comparison (contains, starts_with, ends_with, lt, gt, lte, gte)`);
      if (typeof operand !== 'string') throw new TypeError(`${key} must be a string`);
      out[STRING_OPERATORS[key]] = operand;
    }
    return out;
  }
  throw new TypeError(`${JSON.stringify(value)} is not a string, a list of strings or a comparison`);
}

@InputType({ description: 'Filters of the inventory item list, named after Medusa\'s query parameters.' })
export class InventoryItemFilter {
  @Field(() => [String], { nullable: true }) id?: string[];
  @Field(() => [String], { nullable: true, description: 'Items stocked at any of these locations; their `locationLevels` and sums then count only these locations (as Medusa).' })
  locationId?: string[];
  @Field(() => [String], { nullable: true }) sku?: string[];
  @Field(() => [String], { nullable: true }) originCountry?: string[];
  @Field(() => [String], { nullable: true }) midCode?: string[];
  @Field(() => [String], { nullable: true }) material?: string[];
  @Field(() => StringMatchScalar, { nullable: true }) hsCode?: StringMatch;
  @Field(() => NumberOrRangeScalar, { nullable: true }) weight?: NumberOrRange;
  @Field(() => NumberOrRangeScalar, { nullable: true }) length?: NumberOrRange;
  @Field(() => NumberOrRangeScalar, { nullable: true }) height?: NumberOrRange;
  @Field(() => NumberOrRangeScalar, { nullable: true }) width?: NumberOrRange;
  @Field(() => Boolean, { nullable: true }) requiresShipping?: boolean;
}

@ArgsType()
export class InventoryItemListArgs extends ListArgs(20) {
  @Field(() => InventoryItemFilter, { nullable: true }) filter?: InventoryItemFilter;
}

export const InventoryItemList = PageOf(InventoryItem);

/**
 * The item columns that create and update share. `@IsNumber()` on the integers gives Medusa's
 * words for a mistyped or missing number (its request classes use that decorator).
 */
@InputType('InventoryItemFieldsInput', { description: 'Columns of an inventory item that create and update share.' })
export class InventoryItemFieldsInput {
  @Field({ nullable: true }) sku?: string;
  @Field({ nullable: true }) hsCode?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsNumber() weight?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsNumber() length?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsNumber() height?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsNumber() width?: number;
  @Field({ nullable: true }) originCountry?: string;
  @Field({ nullable: true }) midCode?: string;
  @Field({ nullable: true }) material?: string;
  @Field({ nullable: true }) title?: string;
  @Field({ nullable: true }) description?: string;
  @Field({ nullable: true }) thumbnail?: string;
}

@InputType()
export class CreateInventoryItemInput extends InventoryItemFieldsInput {
  @Field({ nullable: true, description: 'The variant sold from this item (required, as in Medusa; a variant has one item).' }) variantId?: string;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

@InputType()
export class UpdateInventoryItemInput extends InventoryItemFieldsInput {
  @Field({ nullable: true }) requiresShipping?: boolean;
}

@InputType()
export class CreateInventoryLevelInput {
  @Field() @IsNotEmpty() locationId!: string;
  @Field(() => Int) @IsNumber() @Min(0) stockedQuantity!: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsNumber() @Min(0) incomingQuantity?: number;
}

@InputType()
export class UpdateInventoryLevelInput {
  @Field(() => Int, { nullable: true }) @IsOptional() @IsNumber() @Min(0) incomingQuantity?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsNumber() @Min(0) stockedQuantity?: number;
}

@InputType({ description: 'Filters of an item\'s location levels.' })
export class InventoryLevelFilter {
  @Field(() => [String], { nullable: true }) locationId?: string[];
}

@ObjectType({ description: 'An inventory item\'s location levels (GET /admin/inventory-items/{id}/location-levels).' })
export class InventoryItemLevels {
  @Field({ description: 'The inventory item.' }) id!: string;
  @Field(() => [InventoryLevel]) locationLevels!: InventoryLevel[];
}

@ObjectType({ description: 'How many of a variant a sales channel can sell: what its stock locations have available.' })
export class SalesChannelAvailability {
  @Field() channelId!: string;
  @Field() channelName!: string;
  @Field(() => Int, { description: 'For each of the variant\'s items, the available quantity at the channel\'s locations divided by the quantity one variant needs; the smallest of these. 0 for a channel without locations.' })
  availableQuantity!: number;
}
