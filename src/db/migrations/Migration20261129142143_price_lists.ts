import { Migration } from '@mikro-orm/migrations';

export class Migration20261129142143_price_lists extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "price_list" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "name" varchar(255) not null, "description" varchar(255) not null, "type" text check ("type" in ('sale', 'override')) not null default 'sale', "status" text check ("status" in ('active', 'draft')) not null default 'draft', "starts_at" timestamptz null, "ends_at" timestamptz null, "includes_tax" boolean not null default false, constraint "price_list_pkey" primary key ("id"));`);
    this.addSql(`create index "price_list_deleted_at_index" on "price_list" ("deleted_at");`);
    this.addSql(`create index "price_list_updated_at_index" on "price_list" ("updated_at");`);
    this.addSql(`create index "price_list_created_at_index" on "price_list" ("created_at");`);
    this.addSql(`create index "price_list_type_index" on "price_list" ("type");`);
    this.addSql(`create index "price_list_status_index" on "price_list" ("status");`);
    this.addSql(`create index "price_list_name_index" on "price_list" ("name");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "price_list" cascade;`);
  }

}
