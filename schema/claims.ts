import { Field, Float, InputType } from 'type-graphql';
import { IsArray, IsBoolean, IsDefined, IsEnum, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ClaimReason, ClaimType } from '../src/entities/claims';
import { AddressOrId } from './draft-orders';
import type { AddressRef } from '../src/services/carts';

/*
 * Medusa's claim request bodies, with the same class-validator rules (numbers are Float so that
 * class-validator, not GraphQL's Int, words a fraction as Medusa does; the enums are text so that
 * a wrong value gets Medusa's words).
 */

@InputType({ description: 'A quantity of an order line claimed, with the reason, a note, tags and image URLs.' })
export class ClaimItemInput {
  @Field() @IsString() @IsNotEmpty() itemId!: string;
  @Field(() => Float) @IsInt() @IsNotEmpty() quantity!: number;
  @Field({ nullable: true }) @IsString() @IsOptional() note?: string;
  @Field({ nullable: true, description: 'missing_item, wrong_item, production_failure or other.' }) @IsEnum(ClaimReason) @IsOptional() reason?: string;
  @Field(() => [String], { nullable: true }) @IsArray() @IsOptional() @IsString({ each: true }) tags?: string[];
  @Field(() => [String], { nullable: true }) @IsArray() @IsOptional() @IsString({ each: true }) images?: string[];
}

@InputType({ description: 'The shipping option of a return, at a price.' })
export class ClaimReturnShippingInput {
  @Field({ nullable: true }) @IsString() @IsOptional() optionId?: string;
  @Field(() => Float, { nullable: true }) @IsInt() @IsOptional() price?: number;
}

@InputType({ description: 'A shipping method of a claim: an existing method by id, or a shipping option at a price.' })
export class ClaimShippingMethodInput {
  @Field({ nullable: true }) @IsString() @IsOptional() id?: string;
  @Field({ nullable: true }) @IsString() @IsOptional() optionId?: string;
  @Field(() => Float, { nullable: true }) @IsInt() @IsOptional() price?: number;
  @Field(() => GraphQLJSONObject, { nullable: true }) @IsObject() @IsOptional() data?: Record<string, unknown>;
}

@InputType({ description: 'A new line of a claim: a variant and a quantity.' })
export class ClaimAdditionalItemInput {
  @Field() @IsString() @IsNotEmpty() variantId!: string;
  @Field(() => Float) @IsInt() @IsNotEmpty() quantity!: number;
}

@InputType({ description: 'Medusa\'s claim on an order: claimed lines answered with a refund or with replacement lines.' })
export class CreateClaimInput {
  @Field({ description: 'refund or replace.' }) @IsEnum(ClaimType) @IsNotEmpty() type!: string;
  // Medusa's IsNotEmpty passes an empty list (the service refuses it) and speaks with IsArray for a missing one.
  @Field(() => [ClaimItemInput]) @IsArray() @IsDefined({ message: '$property should not be empty' }) @ValidateNested({ each: true }) claimItems!: ClaimItemInput[];
  @Field(() => ClaimReturnShippingInput, { nullable: true }) @IsOptional() @ValidateNested({ each: true }) returnShipping?: ClaimReturnShippingInput;
  @Field(() => [ClaimAdditionalItemInput], { nullable: true }) @IsArray() @IsOptional() @ValidateNested({ each: true }) additionalItems?: ClaimAdditionalItemInput[];
  @Field(() => [ClaimShippingMethodInput], { nullable: true }) @IsArray() @IsOptional() @ValidateNested({ each: true }) shippingMethods?: ClaimShippingMethodInput[];
  @Field(() => Float, { nullable: true }) @IsInt() @IsOptional() refundAmount?: number;
  @Field(() => AddressOrId, { nullable: true }) shippingAddress?: AddressRef;
  @Field({ nullable: true }) @IsBoolean() @IsOptional() noNotification?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsString() returnLocationId?: string;
  @Field(() => GraphQLJSONObject, { nullable: true }) @IsObject() @IsOptional() metadata?: Record<string, unknown>;
}

@InputType({ description: 'A claim tag: an existing one by id, or a value.' })
export class ClaimTagInput {
  @Field({ nullable: true }) @IsString() @IsOptional() id?: string;
  @Field({ nullable: true }) @IsString() @IsOptional() value?: string;
}

@InputType({ description: 'A claim image: an existing one by id (kept), or a new URL.' })
export class ClaimImageInput {
  @Field({ nullable: true }) @IsString() @IsOptional() id?: string;
  @Field({ nullable: true }) @IsString() @IsOptional() url?: string;
}

@InputType({ description: 'Changes to a claimed item: note, reason, tags (replacing them), images (those not named are removed), metadata.' })
export class UpdateClaimItemInput {
  @Field() @IsString() @IsNotEmpty() id!: string;
  @Field({ nullable: true }) @IsString() @IsOptional() note?: string;
  @Field({ nullable: true }) @IsString() @IsOptional() reason?: string;
  @Field(() => [ClaimImageInput]) @IsArray() @ValidateNested({ each: true }) images!: ClaimImageInput[];
  @Field(() => [ClaimTagInput]) @IsArray() @ValidateNested({ each: true }) tags!: ClaimTagInput[];
  @Field(() => GraphQLJSONObject, { nullable: true }) @IsObject() @IsOptional() metadata?: Record<string, unknown>;
}

@InputType({ description: 'Medusa\'s claim update: items, shipping methods (replacing the claim\'s), notification setting, metadata.' })
export class UpdateClaimInput {
  @Field(() => [UpdateClaimItemInput], { nullable: true }) @IsArray() @IsOptional() @ValidateNested({ each: true }) claimItems?: UpdateClaimItemInput[];
  @Field(() => [ClaimShippingMethodInput], { nullable: true }) @IsArray() @IsOptional() @ValidateNested({ each: true }) shippingMethods?: ClaimShippingMethodInput[];
  @Field({ nullable: true }) @IsBoolean() @IsOptional() noNotification?: boolean;
  @Field(() => GraphQLJSONObject, { nullable: true }) @IsObject() @IsOptional() metadata?: Record<string, unknown>;
}

@InputType({ description: 'Fulfils a replacement claim\'s new lines.' })
export class ClaimFulfillmentInput {
  @Field(() => GraphQLJSONObject, { nullable: true }) @IsObject() @IsOptional() metadata?: Record<string, unknown>;
  @Field({ nullable: true }) @IsBoolean() @IsOptional() noNotification?: boolean;
  @Field({ nullable: true }) @IsString() @IsOptional() locationId?: string;
}

@InputType({ description: 'Marks a fulfillment of a claim (or swap) shipped, with tracking numbers.' })
export class ClaimShipmentInput {
  @Field() @IsString() @IsNotEmpty() fulfillmentId!: string;
  @Field(() => [String], { nullable: true }) @IsArray() @IsOptional() @IsString({ each: true }) trackingNumbers?: string[];
}
