import { ArgsType, Extensions, Field, InputType, Int } from 'type-graphql';
import { IsNotEmpty, IsNumber, Max, Min, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { DateRange, ListArgs, MAX_PAGE, NumberRange, PageOf } from './common';
import { ProductVariant } from '../src/entities/variants';

@InputType({ description: 'A price of a variant: in a currency, or in a region (whose currency it takes).' })
export class PriceInput {
  @Field(() => String, { nullable: true, description: 'Keeps (and updates) this existing price when the set is replaced.' }) id?: string;
  @Field(() => String, { nullable: true }) regionId?: string;
  @Field(() => String, { nullable: true }) currencyCode?: string;
  @Field(() => Int) @Min(0) amount!: number;
  @Field(() => Int, { nullable: true }) @Min(0) minQuantity?: number;
  @Field(() => Int, { nullable: true }) @Min(0) maxQuantity?: number;
}

@InputType({ description: 'The value of a variant for one product option.' })
export class VariantOptionInput {
  @Field() @IsNotEmpty() optionId!: string;
  @Field() value!: string;
}

/** Columns a variant shares between create and update. */
@InputType('VariantFieldsInput', { description: 'Columns of a variant that create and update share.' })
export class VariantFieldsInput {
  @Field(() => String, { nullable: true }) sku?: string | null;
  @Field(() => String, { nullable: true }) ean?: string | null;
  @Field(() => String, { nullable: true }) upc?: string | null;
  @Field(() => String, { nullable: true }) barcode?: string | null;
  @Field(() => String, { nullable: true }) hsCode?: string | null;
  @Field(() => Int, { nullable: true }) @IsNumber() inventoryQuantity?: number;
  @Field(() => Boolean, { nullable: true }) allowBackorder?: boolean;
  @Field(() => Boolean, { nullable: true }) manageInventory?: boolean;
  @Field(() => Int, { nullable: true }) @IsNumber() weight?: number | null;
  @Field(() => Int, { nullable: true }) @IsNumber() length?: number | null;
  @Field(() => Int, { nullable: true }) @IsNumber() height?: number | null;
  @Field(() => Int, { nullable: true }) @IsNumber() width?: number | null;
  @Field(() => String, { nullable: true }) originCountry?: string | null;
  @Field(() => String, { nullable: true }) midCode?: string | null;
  @Field(() => String, { nullable: true }) material?: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

@InputType({ description: 'A new variant of an existing product: one value per product option, and its prices.' })
export class CreateVariantInput extends VariantFieldsInput {
  @Field() @IsNotEmpty() title!: string;
  @Field(() => [PriceInput]) @ValidateNested() prices!: PriceInput[];
  @Field(() => [VariantOptionInput]) @ValidateNested() options!: VariantOptionInput[];
}

@InputType({ description: 'Changes to a variant; `prices` replaces the set, `options` changes the given option values.' })
export class UpdateVariantInput extends VariantFieldsInput {
  @Field(() => String, { nullable: true }) @IsNotEmpty() title?: string;
  @Field(() => [PriceInput], { nullable: true }) @ValidateNested() prices?: PriceInput[];
  @Field(() => [VariantOptionInput], { nullable: true }) @ValidateNested() options?: VariantOptionInput[];
}

@InputType()
export class VariantFilter {
  @Field(() => [String], { nullable: true }) id?: string[];
  @Field(() => [String], { nullable: true }) title?: string[];
  @Field(() => Boolean, { nullable: true }) manageInventory?: boolean;
  @Field(() => Boolean, { nullable: true }) allowBackorder?: boolean;
  @Field(() => NumberRange, { nullable: true }) inventoryQuantity?: NumberRange;
  @Field(() => DateRange, { nullable: true }) createdAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) updatedAt?: DateRange;
}

/** Medusa's validator defaults this list to 20 (its spec says 100; the server answers 20). */
@ArgsType()
export class VariantListArgs extends ListArgs(20) {
  // Medusa checks this list's limit with IsInt (other lists use IsNumber): its words for a bad one.
  @Field(() => Int, { defaultValue: 20 }) @Min(0) @Max(MAX_PAGE) @Extensions({ restInteger: true }) declare limit: number;
  @Field(() => VariantFilter, { nullable: true }) filter?: VariantFilter;
  @Field(() => String, { nullable: true, description: 'Pricing context: the variants carry their price in this region (calculatedPrice).' }) regionId?: string;
  @Field(() => String, { nullable: true, description: 'Pricing context: the variants carry their price in this currency (calculatedPrice).' }) currencyCode?: string;
  @Field(() => String, { nullable: true, description: 'Pricing context: the region of this cart.' }) cartId?: string;
  @Field(() => String, { nullable: true, description: 'Pricing context: the customer, whose groups open group price lists.' }) customerId?: string;
}

@ArgsType()
export class ProductVariantListArgs extends ListArgs(100) {
  @Field() productId!: string;
  @Field(() => VariantFilter, { nullable: true }) filter?: VariantFilter;
}

export const ProductVariantList = PageOf(ProductVariant);
