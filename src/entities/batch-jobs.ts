import { Entity, Enum, Index, Opt, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { SoftDeletable } from './base';

/** Where a batch job is in its life (src/services/batch-jobs/lifecycle.ts has the transitions). */
export enum BatchJobStatus {
  created = 'created',
  pre_processed = 'pre_processed',
  confirmed = 'confirmed',
  processing = 'processing',
  completed = 'completed',
  canceled = 'canceled',
  failed = 'failed',
}
registerEnumType(BatchJobStatus, { name: 'BatchJobStatus' });

/**
 * `result` of a batch job, as Medusa writes it: `count` (items to do), `advancement_count` (done
 * so far), `progress` (0–1), `stat_descriptors` (what pre-processing found), `file_key` and
 * `file_size` (an export's file), `errors` (why it failed).
 */
export type BatchJobResult = Record<string, unknown> & {
  count?: number;
  advancement_count?: number;
  progress?: number;
  stat_descriptors?: { key: string; name: string; message: string }[];
  file_key?: string;
  file_size?: number;
  errors?: unknown[];
};

@ObjectType({ description: 'A long task run in the background: a product export, a product or price-list import.' })
@Entity({ tableName: 'batch_job' })
@Index({ properties: ['createdBy', 'createdAt'] })
@Index({ properties: ['type'] })
@Index({ properties: ['status'] })
@Index({ properties: ['createdAt'] })
@Index({ properties: ['updatedAt'] })
@Index({ properties: ['deletedAt'] })
@Index({ properties: ['preProcessedAt'] })
@Index({ properties: ['confirmedAt'] })
@Index({ properties: ['processingAt'] })
@Index({ properties: ['completedAt'] })
@Index({ properties: ['canceledAt'] })
@Index({ properties: ['failedAt'] })
export class BatchJob extends SoftDeletable {
  static idPrefix = 'batch';

  @Field({ description: 'product-export, product-import or price-list-import.' })
  @Property({ type: 'text' })
  type!: string;

  @Field(() => BatchJobStatus)
  @Enum({ items: () => BatchJobStatus, default: BatchJobStatus.created })
  status: Opt<BatchJobStatus> = BatchJobStatus.created;

  @Field(() => String, { nullable: true, description: 'The user who created the job; only they see it.' })
  @Property({ type: 'string', columnType: 'varchar(64)', nullable: true })
  createdBy?: string | null = null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'What the job works on: an import\'s fileKey, an export\'s filters and list settings.' })
  @Property({ type: 'json', nullable: true })
  context?: Record<string, unknown> | null = null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @Property({ type: 'json', nullable: true })
  result?: BatchJobResult | null = null;

  @Field(() => Boolean, { description: 'Stop once pre-processed, until confirmed.' })
  @Property({ type: 'boolean', default: false })
  dryRun: Opt<boolean> = false;

  @Field(() => Date, { nullable: true }) @Property({ type: 'timestamptz', nullable: true }) preProcessedAt?: Date | null = null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'timestamptz', nullable: true }) processingAt?: Date | null = null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'timestamptz', nullable: true }) confirmedAt?: Date | null = null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'timestamptz', nullable: true }) completedAt?: Date | null = null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'timestamptz', nullable: true }) canceledAt?: Date | null = null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'timestamptz', nullable: true }) failedAt?: Date | null = null;
}
