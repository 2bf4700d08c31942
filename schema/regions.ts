import { ArgsType, Field, Float, InputType, ObjectType } from 'type-graphql';
import { IsNotEmpty, IsOptional, Max, Min } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { DateRange, ListArgs, PageOf } from './common';
import { Region } from '../src/entities/regions';

@InputType()
export class RegionFilter {
  @Field(() => DateRange, { nullable: true }) createdAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) updatedAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) deletedAt?: DateRange;
}

@ArgsType()
export class RegionListArgs extends ListArgs(50) {
  @Field(() => RegionFilter, { nullable: true }) filter?: RegionFilter;
}

export const RegionList = PageOf(Region);

@InputType()
export class CreateRegionInput {
  @Field() @IsNotEmpty() name!: string;
  @Field() @IsNotEmpty() currencyCode!: string;
  @Field(() => String, { nullable: true }) taxCode?: string | null;
  @Field(() => Float, { description: 'A percentage, 0 to 100.' }) @Min(0) @Max(100) taxRate!: number;
  @Field(() => [String], { description: 'Ids of registered payment providers.' }) paymentProviders!: string[];
  @Field(() => [String], { description: 'Ids of registered fulfillment providers.' }) fulfillmentProviders!: string[];
  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes of countries that no other region holds.' }) countries!: string[];
  @Field(() => Boolean, { nullable: true }) includesTax?: boolean | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

@InputType()
export class UpdateRegionInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsNotEmpty() name?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsNotEmpty() currencyCode?: string;
  @Field(() => Boolean, { nullable: true }) automaticTaxes?: boolean;
  @Field(() => Boolean, { nullable: true }) giftCardsTaxable?: boolean;
  @Field(() => String, { nullable: true }) taxProviderId?: string | null;
  @Field(() => String, { nullable: true }) taxCode?: string | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(100) taxRate?: number;
  @Field(() => Boolean, { nullable: true }) includesTax?: boolean;
  @Field(() => [String], { nullable: true, description: 'Replaces the payment providers.' }) paymentProviders?: string[];
  @Field(() => [String], { nullable: true, description: 'Replaces the fulfillment providers.' }) fulfillmentProviders?: string[];
  @Field(() => [String], { nullable: true, description: 'Replaces the countries; countries left out are freed.' }) countries?: string[];
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

@ObjectType({ description: 'The options one fulfillment provider offers (shapes are the provider\'s own).' })
export class FulfillmentOptions {
  @Field() providerId!: string;
  @Field(() => [GraphQLJSONObject]) options!: Record<string, unknown>[];
}
