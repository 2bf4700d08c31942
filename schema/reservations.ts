import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { IsNotEmpty, IsNumber, IsOptional, IsPositive } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { DateRange, ListArgs, PageOf } from './common';
import { NumberOrRange, NumberOrRangeScalar } from './tax-rates';
import { StringMatch, StringMatchScalar } from './inventory-items';
import { Reservation } from '../src/entities/reservations';

@InputType({ description: 'Filters of the reservation list, named after Medusa\'s query parameters.' })
export class ReservationFilter {
  @Field(() => [String], { nullable: true }) locationId?: string[];
  @Field(() => [String], { nullable: true }) inventoryItemId?: string[];
  @Field(() => [String], { nullable: true }) lineItemId?: string[];
  @Field(() => [String], { nullable: true, description: 'Ids of the users who made them.' }) createdBy?: string[];
  @Field(() => NumberOrRangeScalar, { nullable: true }) quantity?: NumberOrRange;
  @Field(() => StringMatchScalar, { nullable: true }) description?: StringMatch;
  @Field(() => DateRange, { nullable: true }) createdAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) updatedAt?: DateRange;
}

@ArgsType()
export class ReservationListArgs extends ListArgs(20) {
  @Field(() => ReservationFilter, { nullable: true }) filter?: ReservationFilter;
}

export const ReservationList = PageOf(Reservation);

@InputType()
// Fields in the order of Medusa's request class, so that several problems are named in its order.
export class CreateReservationInput {
  @Field({ nullable: true, description: 'The order line item it is for.' }) lineItemId?: string;
  @Field() @IsNotEmpty() locationId!: string;
  @Field() @IsNotEmpty() inventoryItemId!: string;
  @Field(() => Int, { description: 'More than 0 (Medusa accepts any number).' }) @IsNumber() @IsPositive() quantity!: number;
  @Field({ nullable: true }) description?: string;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

@InputType()
export class UpdateReservationInput {
  @Field(() => Int, { nullable: true }) @IsOptional() @IsNumber() @IsPositive() quantity?: number;
  @Field({ nullable: true, description: 'Moves the reservation to another location where the item is stocked.' }) locationId?: string;
  @Field({ nullable: true }) description?: string;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Merged into the stored metadata; a key set to "" is removed.' }) metadata?: Record<string, unknown> | null;
}
