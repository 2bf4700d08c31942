import { ArgsType, Field, InputType } from 'type-graphql';
import { IsNotEmpty, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { DateRange, ListArgs, MEDUSA_RULE } from './common';
import { CustomerFilter } from './customers';
import { CustomerGroup } from '../src/entities/customer-groups';
import { PageOf } from './common';

@InputType()
export class CustomerGroupFilter {
  @Field(() => [String], { nullable: true }) id?: string[];
  @Field(() => [String], { nullable: true, description: 'Groups with any of these exact names.' }) name?: string[];
  @Field({ nullable: true, description: 'Groups a discount condition applies to.' }) discountConditionId?: string;
  @Field(() => DateRange, { nullable: true }) createdAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) updatedAt?: DateRange;
}

@ArgsType()
export class CustomerGroupListArgs extends ListArgs(10) {
  @Field(() => CustomerGroupFilter, { nullable: true }) filter?: CustomerGroupFilter;
}

export const CustomerGroupList = PageOf(CustomerGroup);

@ArgsType()
export class CustomerGroupCustomersArgs extends ListArgs(50) {
  @Field() id!: string;
  @Field(() => CustomerFilter, { nullable: true }) filter?: CustomerFilter;
}

// Medusa only asks for a string name: an empty one is accepted (and unique like any other).
@InputType()
export class CreateCustomerGroupInput {
  @Field() name!: string;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

@InputType()
export class UpdateCustomerGroupInput {
  @Field({ nullable: true }) name?: string;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

@InputType({ description: 'A reference to a customer by id.' })
export class CustomerIdInput {
  @Field() @IsNotEmpty() id!: string;
}

@InputType()
export class CustomerGroupCustomersInput {
  @Field(() => [CustomerIdInput], { description: 'An empty list changes nothing.' }) @ValidateNested({ each: true, ...MEDUSA_RULE }) customerIds!: CustomerIdInput[];
}
