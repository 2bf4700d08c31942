import { ArgsType, Field, Float, InputType } from 'type-graphql';
import { IsArray, IsBoolean, IsDefined, IsInt, IsNotEmpty, IsNumber, IsObject, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ListArgs, MEDUSA_RULE, PageOf } from './common';
import { Swap } from '../src/entities/swaps';
import { ClaimAdditionalItemInput } from './claims';

/* Medusa's swap request bodies, with the same class-validator rules. */

@InputType({ description: 'A quantity of an order line the customer sends back in a swap.' })
export class SwapReturnItemInput {
  @Field() @IsString() @IsNotEmpty() itemId!: string;
  @Field(() => Float) @IsNumber() @IsNotEmpty() @Min(1, MEDUSA_RULE) quantity!: number;
  @Field({ nullable: true }) @IsOptional() @IsString() reasonId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() note?: string;
}

@InputType({ description: 'The shipping option of a swap\'s return, at a price (the option\'s own when not given).' })
export class SwapReturnShippingInput {
  @Field() @IsString() @IsNotEmpty() optionId!: string;
  @Field(() => Float, { nullable: true }) @IsInt() @IsOptional() price?: number;
}

@InputType({ description: 'A shipping option offered to the customer at this price in the swap\'s cart.' })
export class CustomShippingOptionInput {
  @Field() @IsString() @IsNotEmpty() optionId!: string;
  @Field(() => Float) @IsInt() @IsNotEmpty() price!: number;
}

@InputType({ description: 'Medusa\'s swap: returned lines, new lines, the return\'s shipping and custom shipping prices for the customer\'s cart.' })
export class CreateSwapInput {
  // Medusa's IsNotEmpty passes an empty list and speaks with IsArray for a missing one.
  @Field(() => [SwapReturnItemInput]) @IsArray() @IsDefined({ message: '$property should not be empty' }) @ValidateNested({ each: true }) returnItems!: SwapReturnItemInput[];
  @Field(() => SwapReturnShippingInput, { nullable: true }) @IsObject() @IsOptional() @ValidateNested() returnShipping?: SwapReturnShippingInput;
  @Field({ nullable: true }) @IsOptional() @IsString() salesChannelId?: string;
  @Field(() => [ClaimAdditionalItemInput], { nullable: true }) @IsArray() @IsOptional() @ValidateNested({ each: true }) additionalItems?: ClaimAdditionalItemInput[];
  @Field(() => [CustomShippingOptionInput], { nullable: true }) @IsArray() @IsOptional() @ValidateNested({ each: true }) customShippingOptions?: CustomShippingOptionInput[];
  @Field({ nullable: true }) @IsBoolean() @IsOptional() noNotification?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsString() returnLocationId?: string;
  @Field({ nullable: true, description: 'Default true.' }) @IsBoolean() @IsOptional() allowBackorder?: boolean;
}

@InputType({ description: 'Fulfils a confirmed swap\'s new lines.' })
export class SwapFulfillmentInput {
  @Field(() => GraphQLJSONObject, { nullable: true }) @IsObject() @IsOptional() metadata?: Record<string, unknown>;
  @Field({ nullable: true }) @IsBoolean() @IsOptional() noNotification?: boolean;
  @Field({ nullable: true }) @IsString() @IsOptional() locationId?: string;
}

@InputType({ description: 'Marks a fulfillment of a swap shipped, with tracking numbers.' })
export class SwapShipmentInput {
  @Field() @IsString() @IsNotEmpty() fulfillmentId!: string;
  @Field(() => [String], { nullable: true }) @IsArray() @IsOptional() @IsString({ each: true }) trackingNumbers?: string[];
  @Field({ nullable: true }) @IsBoolean() @IsOptional() noNotification?: boolean;
}

@ArgsType()
export class SwapListArgs extends ListArgs(50) {}

export const SwapList = PageOf(Swap);
