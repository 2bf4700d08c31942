import { ArgsType, Field, InputType } from 'type-graphql';
import { IsArray, IsNotEmpty, IsOptional, ValidateNested } from 'class-validator';
import { DateRange, ListArgs, MEDUSA_RULE, PageOf } from './common';
import { PublishableApiKey } from '../src/entities/publishable-api-keys';

@InputType()
export class PublishableApiKeyFilter {
  @Field(() => DateRange, { nullable: true }) createdAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) updatedAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) revokedAt?: DateRange;
}

@ArgsType()
export class PublishableApiKeyListArgs extends ListArgs(20) {
  @Field(() => PublishableApiKeyFilter, { nullable: true }) filter?: PublishableApiKeyFilter;
}

export const PublishableApiKeyList = PageOf(PublishableApiKey);

@InputType()
export class CreatePublishableApiKeyInput {
  @Field() @IsNotEmpty() title!: string;
}

@InputType()
export class UpdatePublishableApiKeyInput {
  @Field({ nullable: true }) @IsOptional() @IsNotEmpty() title?: string;
}

@InputType({ description: 'A sales channel named by id, as Medusa\'s batch bodies write it: `{"id": "sc_..."}`.' })
export class PublishableKeySalesChannelRef {
  @Field() @IsNotEmpty() id!: string;
}

/** `sales_channel_ids: [{id}]` of the batch operations on a key's sales channels. */
@ArgsType()
export class PublishableKeySalesChannelsArgs {
  @Field() id!: string;
  @Field(() => [PublishableKeySalesChannelRef], { description: 'An empty list changes nothing.' }) @IsArray() @ValidateNested({ each: true, ...MEDUSA_RULE }) salesChannelIds!: PublishableKeySalesChannelRef[];
}

@ArgsType()
export class PublishableKeySalesChannelListArgs {
  @Field() id!: string;
  @Field(() => String, { nullable: true, description: 'Searches the name and description of the channels.' }) q?: string;
}
