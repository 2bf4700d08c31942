import { ArgsType, Field, InputType } from 'type-graphql';
import { DateRange, ListArgs, PageOf } from './common';
import { ProductTag } from '../src/entities/product-tags';

@InputType()
export class ProductTagFilter {
  @Field(() => [String], { nullable: true }) id?: string[];
  @Field(() => [String], { nullable: true }) value?: string[];
  @Field(() => DateRange, { nullable: true }) createdAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) updatedAt?: DateRange;
  @Field(() => String, { nullable: true, description: 'Only the tags of this discount condition.' }) discountConditionId?: string;
}

@ArgsType()
export class ProductTagListArgs extends ListArgs(10) {
  @Field(() => ProductTagFilter, { nullable: true }) filter?: ProductTagFilter;
}

export const ProductTagList = PageOf(ProductTag);
