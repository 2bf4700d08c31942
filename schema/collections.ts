import { ArgsType, Field, InputType, ObjectType } from 'type-graphql';
import { ArrayNotEmpty, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { DateRange, ListArgs, PageOf } from './common';
import { ProductCollection } from '../src/entities/collections';

@InputType()
export class ProductCollectionFilter {
  @Field({ nullable: true }) title?: string;
  @Field({ nullable: true }) handle?: string;
  @Field({ nullable: true, description: 'Collections that a discount condition names.' }) discountConditionId?: string;
  @Field(() => DateRange, { nullable: true }) createdAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) updatedAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) deletedAt?: DateRange;
}

@ArgsType()
export class ProductCollectionListArgs extends ListArgs(10) {
  @Field(() => ProductCollectionFilter, { nullable: true }) filter?: ProductCollectionFilter;
}

export const ProductCollectionList = PageOf(ProductCollection);

@InputType()
export class CreateProductCollectionInput {
  @Field() @IsString() @IsNotEmpty() title!: string;
  @Field({ nullable: true, description: 'Made from the title when absent or empty.' }) handle?: string;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

@InputType()
export class UpdateProductCollectionInput {
  @Field({ nullable: true }) @IsOptional() @IsNotEmpty() title?: string;
  @Field({ nullable: true }) @IsOptional() @IsNotEmpty() handle?: string;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

@ArgsType()
export class CollectionProductsArgs {
  @Field() id!: string;
  @Field(() => [String]) @ArrayNotEmpty() @IsString({ each: true }) productIds!: string[];
}

@ObjectType({ description: 'The answer to removing products from a collection.' })
export class RemovedCollectionProducts {
  @Field() id!: string;
  @Field() object!: string;
  @Field(() => [String]) removedProducts!: string[];
}
