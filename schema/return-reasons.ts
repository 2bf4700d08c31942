import { Field, InputType } from 'type-graphql';
import { IsNotEmpty, IsOptional } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';

@InputType()
export class CreateReturnReasonInput {
  @Field({ description: 'Identifies the reason; unique among live reasons.' }) @IsNotEmpty() value!: string;
  @Field({ description: 'What the customer sees.' }) @IsNotEmpty() label!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true, description: 'Makes this a child of a top-level reason.' }) parentReturnReasonId?: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

@InputType()
export class UpdateReturnReasonInput {
  @Field({ nullable: true }) @IsOptional() @IsNotEmpty() value?: string;
  @Field({ nullable: true }) @IsOptional() @IsNotEmpty() label?: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}
