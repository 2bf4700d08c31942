import { ArgsType, Field, Float, InputType } from 'type-graphql';
import { IsInt, IsNumber, IsObject, IsOptional, IsString } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ListArgs, PageOf } from './common';
import { OrderEdit } from '../src/entities/order-edits';

@InputType({ description: 'Filters of the order-edit list, named after Medusa\'s query parameters.' })
export class OrderEditFilter {
  @Field({ nullable: true }) id?: string;
  @Field({ nullable: true, description: 'Edits of this order.' }) orderId?: string;
}

@ArgsType()
export class OrderEditListArgs extends ListArgs(20) {
  @Field(() => OrderEditFilter, { nullable: true }) filter?: OrderEditFilter;
}

export const OrderEditList = PageOf(OrderEdit);

@InputType({ description: 'An edit of an order: a copy of its lines to change.' })
export class CreateOrderEditInput {
  @Field() @IsString() orderId!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() internalNote?: string;
}

@InputType()
export class UpdateOrderEditInput {
  @Field({ nullable: true }) @IsOptional() @IsString() internalNote?: string;
}

@InputType({ description: 'A variant line added to an edit, priced in the order\'s region.' })
export class AddOrderEditItemInput {
  @Field() @IsString() variantId!: string;
  // Float so that class-validator, not the GraphQL type, words a fraction as Medusa does.
  @Field(() => Float) @IsInt() quantity!: number;
  @Field(() => GraphQLJSONObject, { nullable: true }) @IsOptional() metadata?: Record<string, unknown>;
}

@InputType({ description: 'A new quantity for a line of an edit.' })
export class UpdateOrderEditItemInput {
  @Field(() => Float) @IsNumber() quantity!: number;
}

@InputType()
export class RequestOrderEditInput {
  @Field({ nullable: true, description: 'The description of the payment collection made for a positive difference.' })
  @IsOptional() @IsString() paymentCollectionDescription?: string;
}
