import { Migration } from '@mikro-orm/migrations';

/** Product collections: soft-deletable, with a handle unique among live collections. */
export class Migration20261129141700_collections extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "product_collection" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "title" varchar(255) not null, "handle" varchar(255) null, "metadata" jsonb null, constraint "product_collection_pkey" primary key ("id"));`);
    this.addSql(`create index "product_collection_deleted_at_index" on "product_collection" ("deleted_at");`);
    this.addSql(`create index "product_collection_updated_at_index" on "product_collection" ("updated_at");`);
    this.addSql(`create index "product_collection_created_at_index" on "product_collection" ("created_at");`);
    this.addSql(`create index "product_collection_title_index" on "product_collection" ("title");`);
    this.addSql(`create unique index "product_collection_handle_unique" on "product_collection" ("handle") where "deleted_at" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "product_collection" cascade;`);
  }

}
