import { ArgsType, Field, InputType } from 'type-graphql';
import { IsArray, IsEmail, IsNotEmpty, IsOptional, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { DateRange, ListArgs, MEDUSA_RULE, PageOf } from './common';
import { Customer } from '../src/entities/customers';

@InputType({ description: 'Filters of the customer lists (all customers, or the customers of a group).' })
export class CustomerFilter {
  @Field({ nullable: true, description: 'Only customers with (true) or without (false) an account.' }) hasAccount?: boolean;
  @Field(() => [String], { nullable: true, description: 'Customers in any of these customer groups (ids).' }) groups?: string[];
  @Field(() => DateRange, { nullable: true }) createdAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) updatedAt?: DateRange;
}

@ArgsType()
export class CustomerListArgs extends ListArgs(50) {
  @Field(() => CustomerFilter, { nullable: true }) filter?: CustomerFilter;
}

export const CustomerList = PageOf(Customer);

@InputType({ description: 'A reference to a customer group by id.' })
export class CustomerGroupIdInput {
  @Field() @IsNotEmpty() id!: string;
}

// Names are any strings, empty ones included, as Medusa's validators ask.
@InputType()
export class CreateCustomerInput {
  @Field() @IsEmail() email!: string;
  @Field() firstName!: string;
  @Field() lastName!: string;
  @Field({ description: 'Gives the customer an account; stored hashed, never returned.' }) @IsNotEmpty() password!: string;
  @Field({ nullable: true }) phone?: string;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

@InputType()
export class UpdateCustomerInput {
  @Field({ nullable: true, description: 'Refused for a customer with an account.' }) @IsOptional() @IsEmail() email?: string;
  @Field({ nullable: true }) firstName?: string;
  @Field({ nullable: true }) lastName?: string;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field({ nullable: true, description: 'An empty password leaves the current one (Medusa).' }) password?: string;
  @Field(() => [CustomerGroupIdInput], { nullable: true, description: 'Replaces the customer\'s groups.' })
  @IsArray() @IsOptional() @ValidateNested({ each: true, ...MEDUSA_RULE })
  groups?: CustomerGroupIdInput[];
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

