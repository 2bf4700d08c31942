import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { IsEnum, IsNotEmpty, IsNumber, IsOptional, Min, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { DateRange, ListArgs, PageOf } from './common';
import { ShippingOption, ShippingOptionPriceType, ShippingOptionRequirementType } from '../src/entities/shipping-options';

@InputType()
export class ShippingOptionFilter {
  @Field(() => [String], { nullable: true }) id?: string[];
  @Field({ nullable: true }) name?: string;
  @Field(() => [String], { nullable: true }) regionId?: string[];
  @Field({ nullable: true }) isReturn?: boolean;
  @Field({ nullable: true }) adminOnly?: boolean;
  @Field(() => DateRange, { nullable: true }) createdAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) updatedAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) deletedAt?: DateRange;
}

/** Medusa's real server pages shipping options by 50 (the spec says 20). */
@ArgsType()
export class ShippingOptionListArgs extends ListArgs(50) {
  @Field(() => ShippingOptionFilter, { nullable: true }) filter?: ShippingOptionFilter;
}

export const ShippingOptionList = PageOf(ShippingOption);

@InputType({ description: 'A subtotal bound; on update, an `id` changes that requirement in place.' })
export class ShippingOptionRequirementInput {
  @Field({ nullable: true }) @IsOptional() @IsNotEmpty() id?: string;
  @Field(() => ShippingOptionRequirementType)
  @IsEnum(ShippingOptionRequirementType, { message: 'Invalid option type, must be one of "min_subtotal" or "max_subtotal"' })
  type!: ShippingOptionRequirementType;

  @Field(() => Int, { description: 'Minor units.' }) @Min(0) amount!: number;
}

@InputType()
export class CreateShippingOptionInput {
  @Field() @IsNotEmpty() name!: string;
  @Field() @IsNotEmpty() regionId!: string;
  @Field() @IsNotEmpty() providerId!: string;
  @Field({ nullable: true, description: 'Defaults to the default shipping profile.' }) @IsOptional() @IsNotEmpty() profileId?: string;
  @Field(() => GraphQLJSONObject) data!: Record<string, unknown>;
  @Field(() => ShippingOptionPriceType) @IsEnum(ShippingOptionPriceType, { message: 'Invalid price type, must be one of "flat_rate" or "calculated"' }) priceType!: ShippingOptionPriceType;
  @Field(() => Int, { nullable: true, description: 'Minor units; required for flat_rate.' }) @IsOptional() @IsNumber() amount?: number | null;
  @Field(() => [ShippingOptionRequirementInput], { nullable: true }) @ValidateNested({ each: true }) requirements?: ShippingOptionRequirementInput[];
  @Field({ nullable: true }) isReturn?: boolean;
  @Field({ nullable: true }) adminOnly?: boolean;
  @Field({ nullable: true }) includesTax?: boolean;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

@InputType({ description: 'Region, provider, data and is_return cannot change after creation.' })
export class UpdateShippingOptionInput {
  @Field({ nullable: true }) @IsOptional() @IsNotEmpty() name?: string;
  @Field(() => Int, { nullable: true, description: 'Minor units; null leaves a flat rate without a price, which is refused.' }) amount?: number | null;
  @Field(() => ShippingOptionPriceType, { nullable: true, description: 'Medusa accepts it on update too; `calculated` needs a provider that can calculate.' }) priceType?: ShippingOptionPriceType | null;
  @Field({ nullable: true }) adminOnly?: boolean;
  @Field({ nullable: true }) includesTax?: boolean;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
  @Field(() => [ShippingOptionRequirementInput], { description: 'The full set: requirements left out are removed.' })
  @ValidateNested({ each: true })
  requirements!: ShippingOptionRequirementInput[];
}
