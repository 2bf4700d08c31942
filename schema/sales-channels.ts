import { ArgsType, Extensions, Field, InputType } from 'type-graphql';
import { IsNotEmpty, IsOptional, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { DateRange, ListArgs, PageOf } from './common';
import { SalesChannel } from '../src/entities/sales-channels';

@InputType()
export class SalesChannelFilter {
  @Field(() => [String], { nullable: true }) id?: string[];
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true }) description?: string;
  @Field(() => DateRange, { nullable: true }) createdAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) updatedAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) deletedAt?: DateRange;
}

@ArgsType()
export class SalesChannelListArgs extends ListArgs(20) {
  @Field(() => SalesChannelFilter, { nullable: true }) filter?: SalesChannelFilter;
}

export const SalesChannelList = PageOf(SalesChannel);

@InputType()
export class CreateSalesChannelInput {
  @Field() @IsNotEmpty() name!: string;
  @Field({ nullable: true }) description?: string;
  @Field({ nullable: true }) isDisabled?: boolean;
  // Medusa's REST bodies have no metadata for channels: GraphQL only.
  @Field(() => GraphQLJSONObject, { nullable: true }) @Extensions({ restHidden: true }) metadata?: Record<string, unknown> | null;
}

@InputType()
export class UpdateSalesChannelInput {
  @Field({ nullable: true }) @IsOptional() @IsNotEmpty() name?: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field({ nullable: true }) isDisabled?: boolean;
  // Medusa's REST bodies have no metadata for channels: GraphQL only.
  @Field(() => GraphQLJSONObject, { nullable: true }) @Extensions({ restHidden: true }) metadata?: Record<string, unknown> | null;
}

@InputType({ description: 'A product named by id, as Medusa\'s batch bodies write it: `{"id": "prod_..."}`.' })
export class ProductRef {
  @Field() @IsNotEmpty() id!: string;
}

/**
 * `product_ids: [{id}]` of the sales-channel and category batch operations. As in Medusa an
 * empty list is accepted (nothing changes; an unknown channel or category is still a 404).
 */
@ArgsType()
export class ProductRefsArgs {
  @Field() id!: string;
  @Field(() => [ProductRef]) @ValidateNested({ each: true }) productIds!: ProductRef[];
}
