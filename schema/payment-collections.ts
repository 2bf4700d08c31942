import { Field, InputType } from 'type-graphql';
import { IsObject, IsOptional, IsString } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';

@InputType({ description: 'Medusa\'s payment collection update: its description and metadata (merged).' })
export class UpdatePaymentCollectionInput {
  @Field({ nullable: true }) @IsOptional() @IsString() description?: string;
  @Field(() => GraphQLJSONObject, { nullable: true }) @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}
