import { ArgsType, Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { DateRange, ListArgs, PageOf } from './common';
import { BatchJob } from '../src/entities/batch-jobs';

@InputType()
export class BatchJobFilter {
  @Field(() => [String], { nullable: true }) id?: string[];
  @Field(() => [String], { nullable: true }) type?: string[];
  @Field(() => DateRange, { nullable: true }) createdAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) updatedAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) preProcessedAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) confirmedAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) completedAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) failedAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) canceledAt?: DateRange;
}

@ArgsType()
export class BatchJobListArgs extends ListArgs(10) {
  @Field(() => BatchJobFilter, { nullable: true }) filter?: BatchJobFilter;
}

export const BatchJobList = PageOf(BatchJob);

/** Medusa's validator words the missing or mistyped fields itself, so they are checked by the service. */
@InputType()
export class CreateBatchJobInput {
  @Field(() => String, { nullable: true, description: 'product-export, product-import or price-list-import.' }) type?: string | null;
  @Field(() => GraphQLJSON, { nullable: true, description: 'A JSON object. Imports: `fileKey` (and `price_list_id`); exports: `filterable_fields`, `order`, `limit`, `offset`.' })
  context?: unknown;
  @Field(() => Boolean, { nullable: true, description: 'Wait for confirmation once pre-processed.' }) dryRun?: boolean | null;
}

@ObjectType({ description: 'How far a job is: items done of items to do.' })
export class BatchJobProgress {
  @Field(() => Int, { nullable: true }) count!: number | null;
  @Field(() => Int) advancementCount!: number;
  @Field(() => Float, { description: 'From 0 to 1.' }) progress!: number;
}
