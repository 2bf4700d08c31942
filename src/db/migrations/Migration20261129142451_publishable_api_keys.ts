import { Migration } from '@mikro-orm/migrations';

/** Publishable API keys and the sales channels each one is scoped to. */
export class Migration20261129142451_publishable_api_keys extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "publishable_api_key" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "title" varchar(255) not null, "created_by" varchar(255) null, "revoked_by" varchar(255) null, "revoked_at" timestamptz null, constraint "publishable_api_key_pkey" primary key ("id"));`);
    this.addSql(`create index "publishable_api_key_title_index" on "publishable_api_key" ("title");`);
    this.addSql(`create index "publishable_api_key_revoked_at_index" on "publishable_api_key" ("revoked_at");`);
    this.addSql(`create index "publishable_api_key_updated_at_index" on "publishable_api_key" ("updated_at");`);
    this.addSql(`create index "publishable_api_key_created_at_index" on "publishable_api_key" ("created_at");`);

    this.addSql(`create table "publishable_api_key_sales_channel" ("publishable_key_id" varchar(64) not null, "sales_channel_id" varchar(64) not null, constraint "publishable_api_key_sales_channel_pkey" primary key ("publishable_key_id", "sales_channel_id"));`);

    this.addSql(`alter table "publishable_api_key_sales_channel" add constraint "publishable_api_key_sales_channel_publishable_key_id_foreign" foreign key ("publishable_key_id") references "publishable_api_key" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "publishable_api_key_sales_channel" add constraint "publishable_api_key_sales_channel_sales_channel_id_foreign" foreign key ("sales_channel_id") references "sales_channel" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "publishable_api_key_sales_channel" drop constraint "publishable_api_key_sales_channel_publishable_key_id_foreign";`);

    this.addSql(`drop table if exists "publishable_api_key" cascade;`);

    this.addSql(`drop table if exists "publishable_api_key_sales_channel" cascade;`);
  }

}
