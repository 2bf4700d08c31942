import { Migration } from '@mikro-orm/migrations';
import { newId } from '../../lib/ids';

/**
 * Shipping profiles, shipping options and their requirements, and the two profiles a fresh Medusa
 * store has: the default profile and the gift card profile.
 * The region of an option gets its foreign key in a later migration, once regions exist.
 */

export class Migration20261129142016_shipping extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "shipping_profile" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "name" varchar(255) not null, "type" text check ("type" in ('default', 'gift_card', 'custom')) not null, "metadata" jsonb null, constraint "shipping_profile_pkey" primary key ("id"));`);
    this.addSql(`create index "shipping_profile_type_index" on "shipping_profile" ("type");`);
    this.addSql(`create index "shipping_profile_created_at_index" on "shipping_profile" ("created_at");`);

    this.addSql(`create table "shipping_option" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "name" varchar(255) not null, "region_id" varchar(64) not null, "profile_id" varchar(64) not null, "provider_id" varchar(255) not null, "price_type" text check ("price_type" in ('flat_rate', 'calculated')) not null, "amount" int null, "is_return" boolean not null default false, "admin_only" boolean not null default false, "data" jsonb not null, "includes_tax" boolean not null default false, "metadata" jsonb null, constraint "shipping_option_pkey" primary key ("id"));`);
    this.addSql(`create index "shipping_option_region_id_index" on "shipping_option" ("region_id");`);
    this.addSql(`create index "shipping_option_profile_id_index" on "shipping_option" ("profile_id");`);
    this.addSql(`create index "shipping_option_provider_id_index" on "shipping_option" ("provider_id");`);
    this.addSql(`create index "shipping_option_is_return_index" on "shipping_option" ("is_return");`);
    this.addSql(`create index "shipping_option_admin_only_index" on "shipping_option" ("admin_only");`);
    this.addSql(`create index "shipping_option_created_at_index" on "shipping_option" ("created_at");`);

    this.addSql(`create table "shipping_option_requirement" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "shipping_option_id" varchar(64) not null, "type" text check ("type" in ('min_subtotal', 'max_subtotal')) not null, "amount" int not null, constraint "shipping_option_requirement_pkey" primary key ("id"));`);
    this.addSql(`create index "shipping_option_requirement_shipping_option_id_index" on "shipping_option_requirement" ("shipping_option_id");`);

    this.addSql(`alter table "shipping_option" add constraint "shipping_option_profile_id_foreign" foreign key ("profile_id") references "shipping_profile" ("id") on update cascade;`);
    this.addSql(`alter table "shipping_option" add constraint "shipping_option_provider_id_foreign" foreign key ("provider_id") references "fulfillment_provider" ("id") on update cascade;`);

    this.addSql(`alter table "shipping_option_requirement" add constraint "shipping_option_requirement_shipping_option_id_foreign" foreign key ("shipping_option_id") references "shipping_option" ("id") on update cascade;`);

    this.addSql(`insert into "shipping_profile" ("id", "name", "type") values ('${newId('sp')}', 'Default Shipping Profile', 'default'), ('${newId('sp')}', 'Gift Card Profile', 'gift_card');`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "shipping_option" drop constraint "shipping_option_profile_id_foreign";`);

    this.addSql(`alter table "shipping_option_requirement" drop constraint "shipping_option_requirement_shipping_option_id_foreign";`);

    this.addSql(`drop table if exists "shipping_profile" cascade;`);

    this.addSql(`drop table if exists "shipping_option" cascade;`);

    this.addSql(`drop table if exists "shipping_option_requirement" cascade;`);
  }

}
