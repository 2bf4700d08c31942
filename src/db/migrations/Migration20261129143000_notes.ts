import { Migration } from '@mikro-orm/migrations';

/** Notes that admin users leave on records. */
export class Migration20261129143000_notes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "note" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "value" text not null, "resource_type" varchar(255) not null, "resource_id" varchar(255) not null, "author_id" varchar(64) null, "metadata" jsonb null, constraint "note_pkey" primary key ("id"));`);
    this.addSql(`create index "note_resource_type_index" on "note" ("resource_type");`);
    this.addSql(`create index "note_resource_id_index" on "note" ("resource_id");`);
    this.addSql(`create index "note_author_id_index" on "note" ("author_id");`);
    this.addSql(`create index "note_created_at_index" on "note" ("created_at");`);
    this.addSql(`alter table "note" add constraint "note_author_id_foreign" foreign key ("author_id") references "user" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "note" cascade;`);
  }

}
