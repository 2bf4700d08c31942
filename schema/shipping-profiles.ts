import { Field, InputType } from 'type-graphql';
import { IsNotEmpty, IsOptional } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ShippingProfileType } from '../src/entities/shipping-profiles';

@InputType()
export class CreateShippingProfileInput {
  @Field() @IsNotEmpty() name!: string;
  @Field(() => ShippingProfileType) type!: ShippingProfileType;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

@InputType()
export class UpdateShippingProfileInput {
  @Field({ nullable: true }) @IsOptional() @IsNotEmpty() name?: string;
  @Field(() => ShippingProfileType, { nullable: true }) type?: ShippingProfileType;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
  @Field(() => [String], { nullable: true, description: 'Products to move into this profile.' }) products?: string[];
  @Field(() => [String], { nullable: true, description: 'Shipping options to move into this profile.' }) shippingOptions?: string[];
}
