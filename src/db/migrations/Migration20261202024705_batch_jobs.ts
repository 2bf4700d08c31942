import { Migration } from '@mikro-orm/migrations';

/** Batch jobs: product exports and imports, price-list imports, with their lifecycle. */
export class Migration20261202024705_batch_jobs extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "batch_job" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "type" text not null, "status" text check ("status" in ('created', 'pre_processed', 'confirmed', 'processing', 'completed', 'canceled', 'failed')) not null default 'created', "created_by" varchar(64) null, "context" jsonb null, "result" jsonb null, "dry_run" boolean not null default false, "pre_processed_at" timestamptz null, "processing_at" timestamptz null, "confirmed_at" timestamptz null, "completed_at" timestamptz null, "canceled_at" timestamptz null, "failed_at" timestamptz null, constraint "batch_job_pkey" primary key ("id"));`);
    this.addSql(`create index "batch_job_failed_at_index" on "batch_job" ("failed_at");`);
    this.addSql(`create index "batch_job_canceled_at_index" on "batch_job" ("canceled_at");`);
    this.addSql(`create index "batch_job_completed_at_index" on "batch_job" ("completed_at");`);
    this.addSql(`create index "batch_job_processing_at_index" on "batch_job" ("processing_at");`);
    this.addSql(`create index "batch_job_confirmed_at_index" on "batch_job" ("confirmed_at");`);
    this.addSql(`create index "batch_job_pre_processed_at_index" on "batch_job" ("pre_processed_at");`);
    this.addSql(`create index "batch_job_deleted_at_index" on "batch_job" ("deleted_at");`);
    this.addSql(`create index "batch_job_updated_at_index" on "batch_job" ("updated_at");`);
    this.addSql(`create index "batch_job_created_at_index" on "batch_job" ("created_at");`);
    this.addSql(`create index "batch_job_status_index" on "batch_job" ("status");`);
    this.addSql(`create index "batch_job_type_index" on "batch_job" ("type");`);
    this.addSql(`create index "batch_job_created_by_created_at_index" on "batch_job" ("created_by", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "batch_job" cascade;`);
  }

}
