import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { IsNotEmpty, IsOptional, IsString, Min } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ListArgs, PageOf } from './common';
import { ProductCategory } from '../src/entities/categories';

@InputType()
export class ProductCategoryFilter {
  @Field({ nullable: true }) handle?: string;
  @Field({ nullable: true }) isInternal?: boolean;
  @Field({ nullable: true }) isActive?: boolean;
  @Field({ nullable: true, description: 'A parent\'s id; the text `null` lists top-level categories.' }) parentCategoryId?: string;
}

@ArgsType()
export class ProductCategoryListArgs extends ListArgs(100) {
  @Field(() => ProductCategoryFilter, { nullable: true }) filter?: ProductCategoryFilter;
  @Field({ nullable: true, description: 'Each category comes with all its descendants in categoryChildren.' })
  includeDescendantsTree?: boolean;
}

export const ProductCategoryList = PageOf(ProductCategory);

@InputType()
export class CreateProductCategoryInput {
  @Field() @IsString() @IsNotEmpty() name!: string;
  @Field({ nullable: true, description: 'Made from the name when absent or empty.' }) handle?: string;
  @Field(() => String, { nullable: true, description: 'May be left out, but not null (as Medusa).' }) description?: string | null;
  @Field({ nullable: true }) isInternal?: boolean;
  @Field({ nullable: true }) isActive?: boolean;
  @Field(() => String, { nullable: true }) parentCategoryId?: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

@InputType()
export class UpdateProductCategoryInput {
  @Field({ nullable: true }) @IsOptional() @IsNotEmpty() name?: string;
  @Field({ nullable: true }) @IsOptional() @IsNotEmpty() handle?: string;
  @Field(() => String, { nullable: true, description: 'May be left out, but not null (as Medusa).' }) description?: string | null;
  @Field({ nullable: true }) isInternal?: boolean;
  @Field({ nullable: true }) isActive?: boolean;
  @Field(() => String, { nullable: true, description: 'Moves the category under another parent; null makes it top-level.' })
  parentCategoryId?: string | null;
  @Field(() => Int, { nullable: true, description: 'Position among its siblings (0 first); past the end means last.' })
  @IsOptional() @Min(0) rank?: number;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}
