import { ArgsType, Field, Float, InputType } from 'type-graphql';
import { IsArray, IsBoolean, IsEmail, IsInt, IsNotEmpty, IsOptional, IsString, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { DateRange, ListArgs, PageOf } from './common';
import { Order } from '../src/entities/orders';
import { RefundInput } from './payments';
import { AddressOrId } from './draft-orders';
import type { AddressRef } from '../src/services/carts';

@InputType({ description: 'Filters of the order list, named after Medusa\'s query parameters.' })
export class OrderFilter {
  @Field({ nullable: true }) id?: string;
  // Statuses are text here so that a wrong one gets Medusa's message (the service checks them).
  @Field(() => [String], { nullable: true, description: 'OrderStatus values.' }) status?: string[];
  @Field(() => [String], { nullable: true, description: 'FulfillmentStatus values.' }) fulfillmentStatus?: string[];
  @Field(() => [String], { nullable: true, description: 'PaymentStatus values.' }) paymentStatus?: string[];
  @Field({ nullable: true, description: 'The display id, as text.' }) displayId?: string;
  @Field({ nullable: true }) cartId?: string;
  @Field({ nullable: true }) customerId?: string;
  @Field({ nullable: true }) email?: string;
  @Field(() => [String], { nullable: true }) regionId?: string[];
  @Field({ nullable: true }) currencyCode?: string;
  @Field({ nullable: true }) taxRate?: string;
  @Field(() => [String], { nullable: true }) salesChannelId?: string[];
  @Field(() => DateRange, { nullable: true }) canceledAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) createdAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) updatedAt?: DateRange;
}

@ArgsType()
export class OrderListArgs extends ListArgs(50) {
  @Field(() => OrderFilter, { nullable: true }) filter?: OrderFilter;
}

export const OrderList = PageOf(Order);

@InputType({ description: 'Medusa\'s order update: addresses only while the order is unprocessed.' })
export class UpdateOrderInput {
  @Field({ nullable: true }) @IsOptional() @IsEmail() email?: string;
  @Field(() => AddressOrId, { nullable: true }) billingAddress?: AddressRef;
  @Field(() => AddressOrId, { nullable: true }) shippingAddress?: AddressRef;
  @Field({ nullable: true }) customerId?: string;
  @Field({ nullable: true }) noNotification?: boolean;
}

@InputType({ description: 'A quantity of an order line to fulfil.' })
export class FulfillmentItemInput {
  @Field() @IsString() @IsNotEmpty() itemId!: string;
  // Float so that class-validator, not the GraphQL type, words a fraction as Medusa does.
  @Field(() => Float) @IsInt() @IsNotEmpty() quantity!: number;
}

@InputType({ description: 'Medusa\'s fulfillment of order lines: one fulfillment per shipping method (profile).' })
export class CreateFulfillmentInput {
  @Field(() => [FulfillmentItemInput]) @IsArray() @ValidateNested({ each: true }) items!: FulfillmentItemInput[];
  @Field({ nullable: true }) @IsOptional() @IsString() locationId?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() noNotification?: boolean;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

@InputType({ description: 'Marks a fulfillment shipped, with its tracking numbers.' })
export class CreateShipmentInput {
  @Field() @IsString() @IsNotEmpty() fulfillmentId!: string;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @IsString({ each: true }) trackingNumbers?: string[];
  @Field({ nullable: true }) @IsOptional() @IsBoolean() noNotification?: boolean;
}

@InputType({ description: 'A refund of an order: at most its refundable amount, across its captured payments.' })
export class OrderRefundInput extends RefundInput {
  @Field({ nullable: true }) @IsOptional() @IsBoolean() noNotification?: boolean;
}

@InputType({ description: 'A shipping option added to an order at a price (replacing the method of the same profile).' })
export class AddOrderShippingMethodInput {
  @Field() @IsString() @IsNotEmpty() optionId!: string;
  // Float so that class-validator, not the GraphQL type, words a fraction as Medusa does.
  @Field(() => Float) @IsInt() @IsNotEmpty() price!: number;
  @Field(() => GraphQLJSONObject, { nullable: true }) data?: Record<string, unknown> | null;
}
