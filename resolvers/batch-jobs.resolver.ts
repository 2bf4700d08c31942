import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { BatchJob } from '../src/entities/batch-jobs';
import { User } from '../src/entities/users';
import * as jobs from '../src/services/batch-jobs';
import { BatchJobList, BatchJobListArgs, BatchJobProgress, CreateBatchJobInput } from '../schema/batch-jobs';

@Resolver(() => BatchJob)
export class BatchJobsResolver {
  @Query(() => BatchJobList, { description: 'The signed-in user\'s batch jobs.' })
  batchJobs(@Args() { filter, ...page }: BatchJobListArgs, @Ctx() ctx: Context) {
    return jobs.listBatchJobs(ctx, filter, page);
  }

  @Query(() => BatchJob)
  batchJob(@Arg('id') id: string, @Ctx() ctx: Context) {
    return jobs.retrieveBatchJob(ctx, id);
  }

  @Mutation(() => BatchJob, { description: 'Creates a job; a worker pre-processes it, then (unless dryRun) runs it.' })
  createBatchJob(@Arg('input') input: CreateBatchJobInput, @Ctx() ctx: Context) {
    return jobs.createBatchJob(ctx, input);
  }

  @Mutation(() => BatchJob, { description: 'Runs a pre-processed (dry-run) job.' })
  confirmBatchJob(@Arg('id') id: string, @Ctx() ctx: Context) {
    return jobs.confirmBatchJob(ctx, id);
  }

  @Mutation(() => BatchJob, { description: 'Stops a job; a completed one cannot be canceled.' })
  cancelBatchJob(@Arg('id') id: string, @Ctx() ctx: Context) {
    return jobs.cancelBatchJob(ctx, id);
  }

  @FieldResolver(() => User, { nullable: true })
  createdByUser(@Root() job: BatchJob, @Ctx() ctx: Context) {
    return jobs.createdByUserOf(ctx, job);
  }

  @FieldResolver(() => BatchJobProgress, { description: 'Items done of items to do, while the job runs.' })
  progress(@Root() job: BatchJob) {
    return jobs.progressOf(job);
  }
}
