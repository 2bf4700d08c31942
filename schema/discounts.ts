import { ArgsType, Field, InputType, Int, ObjectType } from 'type-graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsNotEmpty, IsNumber, IsOptional, IsPositive, IsString, Min, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { DateRange, ListArgs, MEDUSA_RULE, PageOf } from './common';
import {
  Discount, DiscountAllocation, DiscountConditionOperator, DiscountRuleType,
} from '../src/entities/discounts';

@InputType()
export class DiscountRuleFilter {
  @Field(() => DiscountRuleType, { nullable: true }) type?: DiscountRuleType;
  @Field(() => DiscountAllocation, { nullable: true }) allocation?: DiscountAllocation;
}

@InputType()
export class DiscountFilter {
  @Field(() => DiscountRuleFilter, { nullable: true, description: 'Discounts whose rule has this type and/or allocation.' })
  rule?: DiscountRuleFilter;
  @Field(() => Boolean, { nullable: true }) isDynamic?: boolean;
  @Field(() => Boolean, { nullable: true }) isDisabled?: boolean;
  @Field(() => DateRange, { nullable: true }) createdAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) updatedAt?: DateRange;
}

@ArgsType()
export class DiscountListArgs extends ListArgs(20) {
  @Field(() => DiscountFilter, { nullable: true }) filter?: DiscountFilter;
}

export const DiscountList = PageOf(Discount);

/** The resources of a condition; exactly one of the lists may be non-empty. */
@InputType()
export class DiscountConditionResourcesInput {
  @Field(() => [String], { nullable: true }) products?: string[] | null;
  @Field(() => [String], { nullable: true }) productTypes?: string[] | null;
  @Field(() => [String], { nullable: true }) productCollections?: string[] | null;
  @Field(() => [String], { nullable: true }) productTags?: string[] | null;
  @Field(() => [String], { nullable: true }) customerGroups?: string[] | null;
}

@InputType()
export class DiscountConditionInput extends DiscountConditionResourcesInput {
  // Medusa checks only that the operator is a string (an unknown one is its 500; here GraphQL's enum refuses it).
  @Field(() => DiscountConditionOperator) @IsString() operator!: DiscountConditionOperator;
}

@InputType({ description: 'A condition of a rule being updated: with an id, that condition\'s resources are replaced (and its operator kept unless given); without, a new condition, which needs an operator.' })
export class DiscountConditionUpsertInput extends DiscountConditionResourcesInput {
  @Field(() => String, { nullable: true }) id?: string | null;
  @Field(() => DiscountConditionOperator, { nullable: true }) operator?: DiscountConditionOperator | null;
}

@InputType()
export class CreateDiscountRuleInput {
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => DiscountRuleType)
  @IsEnum(DiscountRuleType, { message: 'Invalid rule type, must be one of "fixed", "percentage" or "free_shipping"' })
  type!: DiscountRuleType;

  @Field(() => Int, { description: 'A percentage (0-100), or an amount in minor units.' }) @IsNumber() value!: number;
  @Field(() => DiscountAllocation) allocation!: DiscountAllocation;
  @Field(() => [DiscountConditionInput], { nullable: true }) @IsOptional() @ValidateNested({ each: true }) conditions?: DiscountConditionInput[] | null;
}

@InputType()
export class UpdateDiscountRuleInput {
  @Field({ description: 'The id of the discount\'s rule.' }) @IsString() @IsNotEmpty(MEDUSA_RULE) id!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) value?: number | null;
  @Field(() => DiscountAllocation, { nullable: true }) allocation?: DiscountAllocation | null;
  @Field(() => [DiscountConditionUpsertInput], { nullable: true }) @IsOptional() @ValidateNested({ each: true }) conditions?: DiscountConditionUpsertInput[] | null;
}

@InputType()
export class CreateDiscountInput {
  @Field() @IsString() @IsNotEmpty(MEDUSA_RULE) code!: string;
  @Field(() => Boolean, { nullable: true }) isDynamic?: boolean | null;
  @Field(() => CreateDiscountRuleInput) @IsNotEmpty() @ValidateNested() rule!: CreateDiscountRuleInput;
  @Field(() => Boolean, { nullable: true }) isDisabled?: boolean | null;
  @Field(() => Date, { nullable: true }) startsAt?: Date | null;
  @Field(() => Date, { nullable: true }) endsAt?: Date | null;
  @Field(() => String, { nullable: true, description: 'An ISO 8601 duration, e.g. P1M2D.' }) validDuration?: string | null;
  @Field(() => [String], { description: 'Ids of the regions the discount is valid in; a fixed discount has exactly one.' }) @ArrayMaxSize(1000) regions!: string[];
  @Field(() => Int, { nullable: true }) @IsOptional() @IsPositive() usageLimit?: number | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

@InputType()
export class UpdateDiscountInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsNotEmpty() code?: string | null;
  @Field(() => UpdateDiscountRuleInput, { nullable: true }) @IsOptional() @ValidateNested() rule?: UpdateDiscountRuleInput | null;
  @Field(() => Boolean, { nullable: true }) isDisabled?: boolean | null;
  @Field(() => Date, { nullable: true }) startsAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'null removes the end.' }) endsAt?: Date | null;
  @Field(() => String, { nullable: true, description: 'null removes the duration.' }) validDuration?: string | null;
  @Field(() => Int, { nullable: true, description: 'null removes the limit.' }) @IsOptional() @IsNumber() @IsPositive(MEDUSA_RULE) usageLimit?: number | null;
  @Field(() => [String], { nullable: true, description: 'Replaces the regions.' }) @IsOptional() @ArrayMaxSize(1000) regions?: string[] | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

@InputType()
export class CreateDynamicCodeInput {
  @Field() @IsString() @IsNotEmpty(MEDUSA_RULE) code!: string;
  @Field(() => Int, { nullable: true, description: 'Defaults to the parent discount\'s limit.' }) @IsOptional() @IsPositive() usageLimit?: number | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

/** The resources added to or removed from a condition (`{resources: [{id}]}`). */
@InputType()
export class DiscountConditionBatchInput {
  @Field(() => [ResourceIdInput]) @IsArray() resources!: ResourceIdInput[];
}

@InputType()
export class ResourceIdInput {
  @Field() @IsNotEmpty() id!: string;
}

@ObjectType({ description: 'The answer to deleting a discount condition: what was deleted, and the discount as it now is.' })
export class DiscountConditionDeleteResponse {
  @Field() id!: string;
  @Field() object!: string;
  @Field() deleted!: boolean;
  @Field(() => Discount) discount!: Discount;
}
