import { Migration } from '@mikro-orm/migrations';

/** Return reasons, with one level of child reasons. */
export class Migration20261129142212_return_reasons extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "return_reason" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "value" varchar(255) not null, "label" varchar(255) not null, "description" varchar(255) null, "parent_return_reason_id" varchar(64) null, "metadata" jsonb null, constraint "return_reason_pkey" primary key ("id"));`);
    this.addSql(`create index "return_reason_parent_return_reason_id_index" on "return_reason" ("parent_return_reason_id");`);
    this.addSql(`create index "return_reason_created_at_index" on "return_reason" ("created_at");`);
    this.addSql(`create unique index "return_reason_value_unique" on "return_reason" ("value") where "deleted_at" is null;`);

    this.addSql(`alter table "return_reason" add constraint "return_reason_parent_return_reason_id_foreign" foreign key ("parent_return_reason_id") references "return_reason" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "return_reason" drop constraint "return_reason_parent_return_reason_id_foreign";`);

    this.addSql(`drop table if exists "return_reason" cascade;`);
  }

}
