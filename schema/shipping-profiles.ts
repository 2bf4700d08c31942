import { Field, InputType } from 'type-graphql';
import { IsEnum, IsNotEmpty, IsOptional } from 'class-validator';

/** Medusa's own wording of a wrong profile type. */
const TYPE_MESSAGE = "type must be one of 'default', 'custom', 'gift_card'";
import { GraphQLJSONObject } from 'graphql-scalars';
import { ShippingProfileType } from '../src/entities/shipping-profiles';

@InputType()
export class CreateShippingProfileInput {
  @Field() @IsNotEmpty() name!: string;
  @Field(() => ShippingProfileType) @IsEnum(ShippingProfileType, { message: TYPE_MESSAGE }) type!: ShippingProfileType;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

@InputType()
export class UpdateShippingProfileInput {
  @Field({ nullable: true }) @IsOptional() @IsNotEmpty() name?: string;
  @Field(() => ShippingProfileType, { nullable: true }) @IsOptional() @IsEnum(ShippingProfileType, { message: TYPE_MESSAGE }) type?: ShippingProfileType;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
  @Field(() => [String], { nullable: true, description: 'Products to move into this profile.' }) products?: string[];
  @Field(() => [String], { nullable: true, description: 'Shipping options to move into this profile.' }) shippingOptions?: string[];
}
