import { ArgsType, Field, InputType, Int, ObjectType } from 'type-graphql';
import { ArrayMaxSize, ArrayNotEmpty, IsNotEmpty, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { DateRange, ListArgs, PageOf } from './common';
import { ResourceIdInput } from './discounts';
import { PriceList, PriceListStatus, PriceListType } from '../src/entities/price-lists';
import { ProductStatus } from '../src/entities/products';

@InputType()
export class PriceListFilter {
  @Field(() => [String], { nullable: true }) id?: string[];
  @Field(() => [PriceListStatus], { nullable: true }) status?: PriceListStatus[];
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true, description: 'An exact description (Medusa accepts this filter though its spec omits it).' }) description?: string;
  @Field(() => [String], { nullable: true, description: 'Price lists for any of these customer groups.' }) customerGroups?: string[];
  @Field(() => [PriceListType], { nullable: true }) type?: PriceListType[];
  @Field(() => DateRange, { nullable: true }) createdAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) updatedAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) deletedAt?: DateRange;
}

@ArgsType()
export class PriceListListArgs extends ListArgs(10) {
  @Field(() => PriceListFilter, { nullable: true }) filter?: PriceListFilter;
}

export const PriceListList = PageOf(PriceList);

@InputType({ description: 'A price of the list: for a variant, in a currency or a region\'s currency. With an id, that price is updated.' })
export class PriceListPriceInput {
  @Field(() => String, { nullable: true }) id?: string | null;
  @Field() @IsNotEmpty() variantId!: string;
  @Field(() => Int, { description: 'In minor units.' }) @Min(0) amount!: number;
  @Field(() => String, { nullable: true }) currencyCode?: string | null;
  @Field(() => String, { nullable: true, description: 'The price is in this region\'s currency.' }) regionId?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) minQuantity?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) maxQuantity?: number | null;
}

@InputType()
export class CreatePriceListInput {
  @Field() @IsNotEmpty() name!: string;
  @Field() description!: string;
  @Field(() => PriceListType) type!: PriceListType;
  @Field(() => PriceListStatus, { nullable: true }) status?: PriceListStatus | null;
  @Field(() => Date, { nullable: true }) startsAt?: Date | null;
  @Field(() => Date, { nullable: true }) endsAt?: Date | null;
  @Field(() => [PriceListPriceInput]) @ArrayMaxSize(10000) @ValidateNested({ each: true }) prices!: PriceListPriceInput[];
  @Field(() => [ResourceIdInput], { nullable: true }) @IsOptional() @ValidateNested({ each: true }) customerGroups?: ResourceIdInput[] | null;
  @Field(() => Boolean, { nullable: true }) includesTax?: boolean | null;
}

@InputType()
export class UpdatePriceListInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsNotEmpty() name?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => PriceListType, { nullable: true }) type?: PriceListType | null;
  @Field(() => PriceListStatus, { nullable: true }) status?: PriceListStatus | null;
  @Field(() => Date, { nullable: true, description: 'null removes the start.' }) startsAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'null removes the end.' }) endsAt?: Date | null;
  @Field(() => [PriceListPriceInput], { nullable: true, description: 'Added, or updated when they have an id.' })
  @IsOptional() @ArrayMaxSize(10000) @ValidateNested({ each: true }) prices?: PriceListPriceInput[] | null;
  @Field(() => [ResourceIdInput], { nullable: true, description: 'Replaces the customer groups.' })
  @IsOptional() @ValidateNested({ each: true }) customerGroups?: ResourceIdInput[] | null;
  @Field(() => Boolean, { nullable: true }) includesTax?: boolean | null;
}

/** The prices to delete from a list (Medusa's `{price_ids}`). */
@InputType()
export class DeletePriceListPricesInput {
  @Field(() => [String]) @ArrayNotEmpty() @IsString({ each: true }) priceIds!: string[];
}

/** The products whose prices to delete from a list (Medusa's `{product_ids}`). */
@InputType()
export class DeletePriceListProductsPricesInput {
  @Field(() => [String]) @ArrayNotEmpty() @IsString({ each: true }) productIds!: string[];
}

@ObjectType({ description: 'The answer to deleting prices: which prices were deleted.' })
export class PriceListPricesDeleteResponse {
  @Field(() => [String]) ids!: string[];
  @Field() object!: string;
  @Field() deleted!: boolean;

  static of(ids: string[]): PriceListPricesDeleteResponse {
    return Object.assign(new PriceListPricesDeleteResponse(), { ids, object: 'money-amount', deleted: true });
  }
}

/** The product filters of `GET /admin/price-lists/{id}/products`, named as its query parameters. */
@InputType()
export class PriceListProductFilter {
  @Field(() => [String], { nullable: true }) id?: string[];
  @Field(() => [ProductStatus], { nullable: true }) status?: ProductStatus[];
  @Field(() => [String], { nullable: true }) collectionId?: string[];
  @Field(() => [String], { nullable: true, description: 'Tag ids.' }) tags?: string[];
  @Field(() => String, { nullable: true }) title?: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => String, { nullable: true }) handle?: string;
  @Field(() => Boolean, { nullable: true }) isGiftcard?: boolean;
  @Field(() => String, { nullable: true, description: 'A product type id.' }) type?: string;
  @Field(() => DateRange, { nullable: true }) createdAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) updatedAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) deletedAt?: DateRange;
}

@ArgsType()
export class PriceListProductListArgs extends ListArgs(50) {
  // Not `id`: that name is the product id filter of the REST query string.
  @Field() priceListId!: string;
  @Field(() => PriceListProductFilter, { nullable: true }) filter?: PriceListProductFilter;
}
