import { Migration } from '@mikro-orm/migrations';

/**
 * The catalogue's core tables: products, their options, option values, images, tags and types,
 * variants and their prices (money amounts). Handles and variant codes are unique among live rows.
 */
export class Migration20261129142500_products extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "image" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "url" text not null, "metadata" jsonb null, constraint "image_pkey" primary key ("id"));`);
    this.addSql(`create table "product_tag" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "value" varchar(255) not null, "metadata" jsonb null, constraint "product_tag_pkey" primary key ("id"));`);
    this.addSql(`create index "product_tag_updated_at_index" on "product_tag" ("updated_at");`);
    this.addSql(`create index "product_tag_created_at_index" on "product_tag" ("created_at");`);
    this.addSql(`create index "product_tag_value_index" on "product_tag" ("value");`);
    this.addSql(`create table "product_type" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "value" varchar(255) not null, "metadata" jsonb null, constraint "product_type_pkey" primary key ("id"));`);
    this.addSql(`create index "product_type_updated_at_index" on "product_type" ("updated_at");`);
    this.addSql(`create index "product_type_created_at_index" on "product_type" ("created_at");`);
    this.addSql(`create index "product_type_value_index" on "product_type" ("value");`);
    this.addSql(`create table "product" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "title" varchar(255) not null, "subtitle" varchar(255) null, "description" text null, "handle" varchar(255) null, "is_giftcard" boolean not null default false, "status" text check ("status" in ('draft', 'proposed', 'published', 'rejected')) not null default 'draft', "thumbnail" text null, "weight" int null, "length" int null, "height" int null, "width" int null, "hs_code" varchar(255) null, "origin_country" varchar(255) null, "mid_code" varchar(255) null, "material" varchar(255) null, "discountable" boolean not null default true, "external_id" varchar(255) null, "metadata" jsonb null, "type_id" varchar(64) null, constraint "product_pkey" primary key ("id"));`);
    this.addSql(`create index "product_type_id_index" on "product" ("type_id");`);
    this.addSql(`create index "product_is_giftcard_index" on "product" ("is_giftcard");`);
    this.addSql(`create index "product_status_index" on "product" ("status");`);
    this.addSql(`create index "product_title_index" on "product" ("title");`);
    this.addSql(`create index "product_deleted_at_index" on "product" ("deleted_at");`);
    this.addSql(`create index "product_updated_at_index" on "product" ("updated_at");`);
    this.addSql(`create index "product_created_at_index" on "product" ("created_at");`);
    this.addSql(`create unique index "product_handle_unique" on "product" ("handle") where "deleted_at" is null;`);
    this.addSql(`create table "product_option" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "title" varchar(255) not null, "product_id" varchar(64) not null, "metadata" jsonb null, constraint "product_option_pkey" primary key ("id"));`);
    this.addSql(`create index "product_option_product_id_index" on "product_option" ("product_id");`);
    this.addSql(`create table "product_tags" ("product_id" varchar(64) not null, "product_tag_id" varchar(64) not null, constraint "product_tags_pkey" primary key ("product_id", "product_tag_id"));`);
    this.addSql(`create table "product_images" ("product_id" varchar(64) not null, "image_id" varchar(64) not null, constraint "product_images_pkey" primary key ("product_id", "image_id"));`);
    this.addSql(`create table "product_variant" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "title" varchar(255) not null, "product_id" varchar(64) not null, "sku" varchar(255) null, "barcode" varchar(255) null, "ean" varchar(255) null, "upc" varchar(255) null, "variant_rank" int null default 0, "inventory_quantity" int not null default 0, "allow_backorder" boolean not null default false, "manage_inventory" boolean not null default true, "hs_code" varchar(255) null, "origin_country" varchar(255) null, "mid_code" varchar(255) null, "material" varchar(255) null, "weight" int null, "length" int null, "height" int null, "width" int null, "metadata" jsonb null, constraint "product_variant_pkey" primary key ("id"));`);
    this.addSql(`create index "product_variant_product_id_index" on "product_variant" ("product_id");`);
    this.addSql(`create index "product_variant_inventory_quantity_index" on "product_variant" ("inventory_quantity");`);
    this.addSql(`create index "product_variant_title_index" on "product_variant" ("title");`);
    this.addSql(`create index "product_variant_updated_at_index" on "product_variant" ("updated_at");`);
    this.addSql(`create index "product_variant_created_at_index" on "product_variant" ("created_at");`);
    this.addSql(`create unique index "product_variant_upc_unique" on "product_variant" ("upc") where "deleted_at" is null;`);
    this.addSql(`create unique index "product_variant_ean_unique" on "product_variant" ("ean") where "deleted_at" is null;`);
    this.addSql(`create unique index "product_variant_barcode_unique" on "product_variant" ("barcode") where "deleted_at" is null;`);
    this.addSql(`create unique index "product_variant_sku_unique" on "product_variant" ("sku") where "deleted_at" is null;`);
    this.addSql(`create table "product_option_value" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "value" varchar(255) not null, "option_id" varchar(64) not null, "variant_id" varchar(64) not null, "metadata" jsonb null, constraint "product_option_value_pkey" primary key ("id"));`);
    this.addSql(`create index "product_option_value_option_id_index" on "product_option_value" ("option_id");`);
    this.addSql(`create index "product_option_value_variant_id_index" on "product_option_value" ("variant_id");`);
    this.addSql(`create table "money_amount" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "currency_code" varchar(255) not null, "amount" int not null, "min_quantity" int null, "max_quantity" int null, "variant_id" varchar(64) null, constraint "money_amount_pkey" primary key ("id"));`);
    this.addSql(`create index "money_amount_currency_code_index" on "money_amount" ("currency_code");`);
    this.addSql(`create index "money_amount_variant_id_index" on "money_amount" ("variant_id");`);
    this.addSql(`alter table "product" add constraint "product_type_id_foreign" foreign key ("type_id") references "product_type" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "product_option" add constraint "product_option_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade;`);
    this.addSql(`alter table "product_tags" add constraint "product_tags_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "product_tags" add constraint "product_tags_product_tag_id_foreign" foreign key ("product_tag_id") references "product_tag" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "product_images" add constraint "product_images_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "product_images" add constraint "product_images_image_id_foreign" foreign key ("image_id") references "image" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "product_variant" add constraint "product_variant_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade;`);
    this.addSql(`alter table "product_option_value" add constraint "product_option_value_option_id_foreign" foreign key ("option_id") references "product_option" ("id") on update cascade;`);
    this.addSql(`alter table "product_option_value" add constraint "product_option_value_variant_id_foreign" foreign key ("variant_id") references "product_variant" ("id") on update cascade;`);
    this.addSql(`alter table "money_amount" add constraint "money_amount_currency_code_foreign" foreign key ("currency_code") references "currency" ("code") on update cascade;`);
    this.addSql(`alter table "money_amount" add constraint "money_amount_variant_id_foreign" foreign key ("variant_id") references "product_variant" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "money_amount" cascade;`);
    this.addSql(`drop table if exists "product_option_value" cascade;`);
    this.addSql(`drop table if exists "product_variant" cascade;`);
    this.addSql(`drop table if exists "product_images" cascade;`);
    this.addSql(`drop table if exists "product_tags" cascade;`);
    this.addSql(`drop table if exists "product_option" cascade;`);
    this.addSql(`drop table if exists "product" cascade;`);
    this.addSql(`drop table if exists "product_type" cascade;`);
    this.addSql(`drop table if exists "product_tag" cascade;`);
    this.addSql(`drop table if exists "image" cascade;`);
  }
}
