import { Field, InputType, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@InputType()
export class UpdateStoreInput {
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true }) swapLinkTemplate?: string;
  @Field({ nullable: true }) paymentLinkTemplate?: string;
  @Field({ nullable: true }) inviteLinkTemplate?: string;
  @Field({ nullable: true }) defaultCurrencyCode?: string;
  @Field(() => [String], { nullable: true, description: 'Replaces the store\'s currencies (codes).' }) currencies?: string[];
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

@ObjectType()
export class FeatureFlag {
  @Field() key!: string;
  @Field() value!: boolean;
}

@ObjectType({ description: 'A module of the server and where it resolves from (Medusa\'s `modules`).' })
export class ModuleResolution {
  @Field() module!: string;
  @Field() resolution!: string;
}
