import { Migration } from '@mikro-orm/migrations';

/** Product categories: a tree (parent, dense rank among siblings, materialized path). */
export class Migration20261129141701_categories extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "product_category" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(255) not null, "description" text not null default '', "handle" varchar(255) not null, "mpath" text null, "is_active" boolean not null default false, "is_internal" boolean not null default false, "rank" int not null default 0, "parent_category_id" varchar(64) null, "metadata" jsonb null, constraint "product_category_pkey" primary key ("id"));`);
    this.addSql(`alter table "product_category" add constraint "product_category_handle_unique" unique ("handle");`);
    this.addSql(`create index "product_category_updated_at_index" on "product_category" ("updated_at");`);
    this.addSql(`create index "product_category_created_at_index" on "product_category" ("created_at");`);
    this.addSql(`create index "product_category_name_index" on "product_category" ("name");`);
    this.addSql(`create index "product_category_mpath_index" on "product_category" ("mpath");`);
    this.addSql(`create index "product_category_parent_category_id_rank_index" on "product_category" ("parent_category_id", "rank");`);
    this.addSql(`alter table "product_category" add constraint "product_category_parent_category_id_foreign" foreign key ("parent_category_id") references "product_category" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "product_category" cascade;`);
  }

}
