import { Migration } from '@mikro-orm/migrations';
import { newId } from '../../lib/ids';

/**
 * Sales channels, and the default one a fresh Medusa install has: "Default Sales Channel",
 * recorded as the store's `default_sales_channel_id`.
 */
export class Migration20261129141702_sales_channels extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "sales_channel" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "name" varchar(255) not null, "description" varchar(255) null, "is_disabled" boolean not null default false, "metadata" jsonb null, constraint "sales_channel_pkey" primary key ("id"));`);
    this.addSql(`create index "sales_channel_deleted_at_index" on "sales_channel" ("deleted_at");`);
    this.addSql(`create index "sales_channel_updated_at_index" on "sales_channel" ("updated_at");`);
    this.addSql(`create index "sales_channel_created_at_index" on "sales_channel" ("created_at");`);
    this.addSql(`create index "sales_channel_name_index" on "sales_channel" ("name");`);

    const id = newId('sc');
    this.addSql(`insert into "sales_channel" ("id", "name", "description", "is_disabled") values ('${id}', 'Default Sales Channel', 'Created by Medusa', false);`);
    this.addSql(`update "store" set "default_sales_channel_id" = '${id}' where "default_sales_channel_id" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "store" set "default_sales_channel_id" = null;`);
    this.addSql(`drop table if exists "sales_channel" cascade;`);
  }

}
