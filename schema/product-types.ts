import { ArgsType, Field, InputType } from 'type-graphql';
import { DateRange, ListArgs, PageOf } from './common';
import { ProductType } from '../src/entities/product-types';

@InputType()
export class ProductTypeFilter {
  @Field(() => [String], { nullable: true }) id?: string[];
  @Field(() => [String], { nullable: true }) value?: string[];
  @Field(() => DateRange, { nullable: true }) createdAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) updatedAt?: DateRange;
  @Field(() => String, { nullable: true, description: 'Only the types of this discount condition.' }) discountConditionId?: string;
}

@ArgsType()
export class ProductTypeListArgs extends ListArgs(20) {
  @Field(() => ProductTypeFilter, { nullable: true }) filter?: ProductTypeFilter;
}

export const ProductTypeList = PageOf(ProductType);
