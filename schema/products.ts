import { ArgsType, Field, InputType, Int, ObjectType } from 'type-graphql';
import { IsNotEmpty, IsNumber, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { DateRange, ListArgs, PageOf } from './common';
import { Product, ProductStatus } from '../src/entities/products';
import { PriceInput, VariantFieldsInput, VariantOptionInput } from './variants';

@InputType()
export class ProductFilter {
  @Field(() => [String], { nullable: true }) id?: string[];
  @Field(() => [ProductStatus], { nullable: true }) status?: ProductStatus[];
  @Field(() => [String], { nullable: true }) collectionId?: string[];
  @Field(() => [String], { nullable: true, description: 'Tag ids.' }) tags?: string[];
  @Field(() => [String], { nullable: true }) priceListId?: string[];
  @Field(() => [String], { nullable: true }) salesChannelId?: string[];
  @Field(() => [String], { nullable: true }) typeId?: string[];
  @Field(() => [String], { nullable: true }) categoryId?: string[];
  @Field(() => Boolean, { nullable: true, description: 'With categoryId: also products of the descendants of those categories.' }) includeCategoryChildren?: boolean;
  @Field(() => String, { nullable: true }) title?: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => String, { nullable: true }) handle?: string;
  @Field(() => Boolean, { nullable: true }) isGiftcard?: boolean;
  @Field(() => DateRange, { nullable: true }) createdAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) updatedAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) deletedAt?: DateRange;
  @Field(() => String, { nullable: true, description: 'Only the products of this discount condition.' }) discountConditionId?: string;
}

@ArgsType()
export class ProductListArgs extends ListArgs(50) {
  @Field(() => ProductFilter, { nullable: true }) filter?: ProductFilter;
}

export const ProductList = PageOf(Product);

@InputType({ description: 'A product type or tag, found by value or created.' })
export class ValueInput {
  @Field(() => String, { nullable: true }) id?: string;
  @Field() @IsNotEmpty() value!: string;
}

@InputType()
export class IdInput {
  @Field() @IsNotEmpty() id!: string;
}

@InputType()
export class ProductOptionInput {
  @Field() @IsNotEmpty() title!: string;
}

@InputType({ description: 'The value of a new product\'s variant for the option at the same position.' })
export class PositionalOptionInput {
  @Field() value!: string;
}

@InputType({ description: 'A variant created with its product; `options` follow the order of the product\'s options.' })
export class NewProductVariantInput extends VariantFieldsInput {
  @Field() @IsNotEmpty() title!: string;
  @Field(() => [PriceInput]) @ValidateNested() prices!: PriceInput[];
  @Field(() => [PositionalOptionInput], { nullable: true }) @ValidateNested() options?: PositionalOptionInput[];
}

@InputType({ description: 'A variant in a product update: with `id` it is updated, without it is created.' })
export class ProductUpdateVariantInput extends VariantFieldsInput {
  @Field(() => String, { nullable: true }) id?: string;
  @Field(() => String, { nullable: true }) @IsNotEmpty() title?: string;
  @Field(() => [PriceInput], { nullable: true }) @ValidateNested() prices?: PriceInput[];
  @Field(() => [VariantOptionInput], { nullable: true }) @ValidateNested() options?: VariantOptionInput[];
}

/** Columns of a product that create and update share. */
@InputType('ProductFieldsInput', { description: 'Columns of a product that create and update share.' })
export class ProductFieldsInput {
  @Field(() => String, { nullable: true }) subtitle?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Boolean, { nullable: true }) discountable?: boolean;
  @Field(() => [String], { nullable: true, description: 'Image URLs; replaces the product\'s images.' }) images?: string[];
  @Field(() => String, { nullable: true }) thumbnail?: string | null;
  @Field(() => String, { nullable: true }) handle?: string;
  @Field(() => ProductStatus, { nullable: true }) status?: ProductStatus;
  @Field(() => ValueInput, { nullable: true }) @ValidateNested() type?: ValueInput | null;
  @Field(() => String, { nullable: true }) collectionId?: string | null;
  @Field(() => [ValueInput], { nullable: true }) @ValidateNested() tags?: ValueInput[];
  @Field(() => [IdInput], { nullable: true }) @ValidateNested() salesChannels?: IdInput[];
  @Field(() => [IdInput], { nullable: true }) @ValidateNested() categories?: IdInput[];
  @Field(() => Int, { nullable: true }) @IsNumber() weight?: number | null;
  @Field(() => Int, { nullable: true }) @IsNumber() length?: number | null;
  @Field(() => Int, { nullable: true }) @IsNumber() height?: number | null;
  @Field(() => Int, { nullable: true }) @IsNumber() width?: number | null;
  @Field(() => String, { nullable: true }) hsCode?: string | null;
  @Field(() => String, { nullable: true }) originCountry?: string | null;
  @Field(() => String, { nullable: true }) midCode?: string | null;
  @Field(() => String, { nullable: true }) material?: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

@InputType()
export class CreateProductInput extends ProductFieldsInput {
  @Field() @IsNotEmpty() title!: string;
  @Field(() => Boolean, { nullable: true }) isGiftcard?: boolean;
  @Field(() => [ProductOptionInput], { nullable: true }) @ValidateNested() options?: ProductOptionInput[];
  @Field(() => [NewProductVariantInput], { nullable: true }) @ValidateNested() variants?: NewProductVariantInput[];
}

@InputType()
export class UpdateProductInput extends ProductFieldsInput {
  @Field(() => String, { nullable: true }) @IsNotEmpty() title?: string;
  @Field(() => [ProductUpdateVariantInput], { nullable: true, description: 'The full set of variants: missing ones are deleted.' })
  @ValidateNested()
  variants?: ProductUpdateVariantInput[];
}

@ObjectType({ description: 'A tag and how many products carry it.' })
export class ProductTagUsage {
  @Field() id!: string;
  @Field() value!: string;
  @Field({ description: 'A count, as text (Medusa returns the database count as a string).' }) usageCount!: string;
}

@ObjectType({ description: 'The answer to deleting a product option: the option and the product as it is now.' })
export class ProductOptionDeleteResponse {
  @Field() optionId!: string;
  @Field() object!: string;
  @Field() deleted!: boolean;
  @Field(() => Product) product!: Product;
}

@ObjectType({ description: 'The answer to deleting a variant: the variant and the product as it is now.' })
export class ProductVariantDeleteResponse {
  @Field() variantId!: string;
  @Field() object!: string;
  @Field() deleted!: boolean;
  @Field(() => Product) product!: Product;
}
