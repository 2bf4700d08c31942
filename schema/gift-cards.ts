import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { IsNotEmpty, IsOptional, Min } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { DateLike, ListArgs, PageOf } from './common';
import { GiftCard } from '../src/entities/gift-cards';

@ArgsType()
export class GiftCardListArgs extends ListArgs(50) {}

export const GiftCardList = PageOf(GiftCard);

// Fields in the order of Medusa's request classes, so that REST messages list problems in its order.
@InputType()
export class CreateGiftCardInput {
  @Field(() => Int, { description: 'In minor units; the balance starts at this value.' }) @Min(0) value!: number;
  @Field(() => DateLike, { nullable: true }) endsAt?: Date | null;
  @Field({ nullable: true }) isDisabled?: boolean;
  @Field() @IsNotEmpty() regionId!: string;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

@InputType()
export class UpdateGiftCardInput {
  @Field(() => Int, { nullable: true, description: 'From 0 to the card\'s value.' }) @IsOptional() balance?: number;
  @Field({ nullable: true }) isDisabled?: boolean;
  @Field(() => DateLike, { nullable: true }) endsAt?: Date | null;
  @Field({ nullable: true }) @IsOptional() @IsNotEmpty() regionId?: string;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}
