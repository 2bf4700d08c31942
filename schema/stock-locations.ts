import { ArgsType, Field, InputType } from 'type-graphql';
import { IsNotEmpty, IsOptional, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ListArgs, PageOf } from './common';
import { StockLocation } from '../src/entities/stock-locations';

@InputType({ description: 'Filters of the stock location list, named after Medusa\'s query parameters.' })
export class StockLocationFilter {
  @Field(() => [String], { nullable: true }) id?: string[];
  @Field(() => [String], { nullable: true }) name?: string[];
  @Field(() => [String], { nullable: true }) addressId?: string[];
  @Field(() => [String], { nullable: true, description: 'Locations linked to any of these sales channels (an unknown channel is a 404, as in Medusa).' })
  salesChannelId?: string[];
}

@ArgsType()
export class StockLocationListArgs extends ListArgs(20) {
  @Field(() => StockLocationFilter, { nullable: true }) filter?: StockLocationFilter;
}

export const StockLocationList = PageOf(StockLocation);

@InputType({ description: 'A stock location\'s address: `address_1` and `country_code` are required.' })
export class StockLocationAddressInput {
  @Field() address1!: string;
  @Field({ nullable: true }) address2?: string;
  @Field({ nullable: true }) company?: string;
  @Field({ nullable: true }) city?: string;
  @Field() countryCode!: string;
  @Field({ nullable: true }) phone?: string;
  @Field({ nullable: true }) postalCode?: string;
  @Field({ nullable: true }) province?: string;
}

@InputType()
export class CreateStockLocationInput {
  @Field({ description: 'Trimmed; must not be empty.' }) @IsNotEmpty() name!: string;
  @Field(() => StockLocationAddressInput, { nullable: true }) @IsOptional() @ValidateNested() address?: StockLocationAddressInput;
  @Field({ nullable: true, description: 'An existing address, instead of `address`.' }) addressId?: string;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

@InputType()
export class UpdateStockLocationInput {
  @Field({ nullable: true }) @IsOptional() @IsNotEmpty() name?: string;
  @Field(() => StockLocationAddressInput, { nullable: true, description: 'Changes the location\'s address (given fields only), or gives it one.' })
  @IsOptional() @ValidateNested()
  address?: StockLocationAddressInput;
  @Field({ nullable: true }) addressId?: string;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Merged into the stored metadata; a key set to "" is removed.' }) metadata?: Record<string, unknown> | null;
}

/** `{location_id}` of the sales channel's stock-location link routes. */
@ArgsType()
export class SalesChannelLocationArgs {
  @Field({ description: 'The sales channel.' }) id!: string;
  @Field() @IsNotEmpty() locationId!: string;
}
