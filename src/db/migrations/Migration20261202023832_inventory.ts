import { Migration } from '@mikro-orm/migrations';

export class Migration20261202023832_inventory extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "inventory_item" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "weight" int null, "length" int null, "height" int null, "width" int null, "hs_code" varchar(255) null, "origin_country" varchar(255) null, "mid_code" varchar(255) null, "material" varchar(255) null, "sku" text null, "requires_shipping" boolean not null default true, "title" text null, "description" text null, "thumbnail" text null, "metadata" jsonb null, constraint "inventory_item_pkey" primary key ("id"));`);
    this.addSql(`create index "inventory_item_width_index" on "inventory_item" ("width");`);
    this.addSql(`create index "inventory_item_height_index" on "inventory_item" ("height");`);
    this.addSql(`create index "inventory_item_length_index" on "inventory_item" ("length");`);
    this.addSql(`create index "inventory_item_weight_index" on "inventory_item" ("weight");`);
    this.addSql(`create index "inventory_item_material_index" on "inventory_item" ("material");`);
    this.addSql(`create index "inventory_item_mid_code_index" on "inventory_item" ("mid_code");`);
    this.addSql(`create index "inventory_item_origin_country_index" on "inventory_item" ("origin_country");`);
    this.addSql(`create index "inventory_item_hs_code_index" on "inventory_item" ("hs_code");`);
    this.addSql(`create index "inventory_item_requires_shipping_index" on "inventory_item" ("requires_shipping");`);
    this.addSql(`create index "inventory_item_title_index" on "inventory_item" ("title");`);
    this.addSql(`create index "inventory_item_updated_at_index" on "inventory_item" ("updated_at");`);
    this.addSql(`create index "inventory_item_created_at_index" on "inventory_item" ("created_at");`);
    this.addSql(`create unique index "inventory_item_sku_unique" on "inventory_item" ("sku") where "deleted_at" is null;`);

    this.addSql(`create table "product_variant_inventory_item" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "variant_id" varchar(64) not null, "inventory_item_id" varchar(64) not null, "required_quantity" int not null default 1, constraint "product_variant_inventory_item_pkey" primary key ("id"));`);
    this.addSql(`create index "product_variant_inventory_item_inventory_item_id_index" on "product_variant_inventory_item" ("inventory_item_id");`);
    this.addSql(`create unique index "product_variant_inventory_item_unique" on "product_variant_inventory_item" ("variant_id", "inventory_item_id");`);

    this.addSql(`create table "stock_location_address" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "address_1" text not null, "address_2" text null, "company" text null, "city" text null, "country_code" text not null, "phone" text null, "province" text null, "postal_code" text null, "metadata" jsonb null, constraint "stock_location_address_pkey" primary key ("id"));`);
    this.addSql(`create index "stock_location_address_country_code_index" on "stock_location_address" ("country_code");`);

    this.addSql(`create table "stock_location" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "name" text not null, "address_id" varchar(64) null, "metadata" jsonb null, constraint "stock_location_pkey" primary key ("id"));`);
    this.addSql(`create index "stock_location_address_id_index" on "stock_location" ("address_id");`);
    this.addSql(`create index "stock_location_updated_at_index" on "stock_location" ("updated_at");`);
    this.addSql(`create index "stock_location_created_at_index" on "stock_location" ("created_at");`);
    this.addSql(`create index "stock_location_name_index" on "stock_location" ("name");`);

    this.addSql(`create table "sales_channel_location" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "sales_channel_id" varchar(64) not null, "location_id" varchar(64) not null, constraint "sales_channel_location_pkey" primary key ("id"));`);
    this.addSql(`create index "sales_channel_location_location_id_index" on "sales_channel_location" ("location_id");`);
    this.addSql(`create unique index "sales_channel_location_unique" on "sales_channel_location" ("sales_channel_id", "location_id");`);

    this.addSql(`create table "reservation_item" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "line_item_id" text null, "inventory_item_id" varchar(64) not null, "location_id" varchar(64) not null, "quantity" int not null, "external_id" text null, "description" text null, "created_by" text null, "metadata" jsonb null, constraint "reservation_item_pkey" primary key ("id"));`);
    this.addSql(`create index "reservation_item_line_item_id_index" on "reservation_item" ("line_item_id");`);
    this.addSql(`create index "reservation_item_inventory_item_id_index" on "reservation_item" ("inventory_item_id");`);
    this.addSql(`create index "reservation_item_location_id_index" on "reservation_item" ("location_id");`);
    this.addSql(`create index "reservation_item_created_by_index" on "reservation_item" ("created_by");`);
    this.addSql(`create index "reservation_item_description_index" on "reservation_item" ("description");`);
    this.addSql(`create index "reservation_item_quantity_index" on "reservation_item" ("quantity");`);
    this.addSql(`create index "reservation_item_updated_at_index" on "reservation_item" ("updated_at");`);
    this.addSql(`create index "reservation_item_created_at_index" on "reservation_item" ("created_at");`);

    this.addSql(`create table "inventory_level" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "inventory_item_id" varchar(64) not null, "location_id" varchar(64) not null, "stocked_quantity" int not null default 0, "reserved_quantity" int not null default 0, "incoming_quantity" int not null default 0, "metadata" jsonb null, constraint "inventory_level_pkey" primary key ("id"));`);
    this.addSql(`create index "inventory_level_inventory_item_id_index" on "inventory_level" ("inventory_item_id");`);
    this.addSql(`create index "inventory_level_location_id_index" on "inventory_level" ("location_id");`);
    this.addSql(`create index "inventory_level_created_at_index" on "inventory_level" ("created_at");`);
    this.addSql(`create unique index "inventory_level_item_location_unique" on "inventory_level" ("inventory_item_id", "location_id") where "deleted_at" is null;`);

    this.addSql(`alter table "product_variant_inventory_item" add constraint "product_variant_inventory_item_variant_id_foreign" foreign key ("variant_id") references "product_variant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "product_variant_inventory_item" add constraint "product_variant_inventory_item_inventory_item_id_foreign" foreign key ("inventory_item_id") references "inventory_item" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "stock_location" add constraint "stock_location_address_id_foreign" foreign key ("address_id") references "stock_location_address" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "sales_channel_location" add constraint "sales_channel_location_sales_channel_id_foreign" foreign key ("sales_channel_id") references "sales_channel" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "sales_channel_location" add constraint "sales_channel_location_location_id_foreign" foreign key ("location_id") references "stock_location" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "reservation_item" add constraint "reservation_item_inventory_item_id_foreign" foreign key ("inventory_item_id") references "inventory_item" ("id") on update cascade;`);
    this.addSql(`alter table "reservation_item" add constraint "reservation_item_location_id_foreign" foreign key ("location_id") references "stock_location" ("id") on update cascade;`);

    this.addSql(`alter table "inventory_level" add constraint "inventory_level_inventory_item_id_foreign" foreign key ("inventory_item_id") references "inventory_item" ("id") on update cascade;`);
    this.addSql(`alter table "inventory_level" add constraint "inventory_level_location_id_foreign" foreign key ("location_id") references "stock_location" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "product_variant_inventory_item" drop constraint "product_variant_inventory_item_inventory_item_id_foreign";`);

    this.addSql(`alter table "reservation_item" drop constraint "reservation_item_inventory_item_id_foreign";`);

    this.addSql(`alter table "inventory_level" drop constraint "inventory_level_inventory_item_id_foreign";`);

    this.addSql(`alter table "stock_location" drop constraint "stock_location_address_id_foreign";`);

    this.addSql(`alter table "sales_channel_location" drop constraint "sales_channel_location_location_id_foreign";`);

    this.addSql(`alter table "reservation_item" drop constraint "reservation_item_location_id_foreign";`);

    this.addSql(`alter table "inventory_level" drop constraint "inventory_level_location_id_foreign";`);

    this.addSql(`drop table if exists "inventory_item" cascade;`);

    this.addSql(`drop table if exists "product_variant_inventory_item" cascade;`);

    this.addSql(`drop table if exists "stock_location_address" cascade;`);

    this.addSql(`drop table if exists "stock_location" cascade;`);

    this.addSql(`drop table if exists "sales_channel_location" cascade;`);

    this.addSql(`drop table if exists "reservation_item" cascade;`);

    this.addSql(`drop table if exists "inventory_level" cascade;`);
  }

}
