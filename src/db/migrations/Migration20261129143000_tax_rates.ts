import { Migration } from '@mikro-orm/migrations';

/**
 * Tax rates of regions and Medusa's link tables that apply them to products, product types and
 * shipping options (deleting a rate, or the linked record, removes the link).
 */
export class Migration20261129143000_tax_rates extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "tax_rate" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "rate" real null, "code" varchar(255) null, "name" varchar(255) not null, "region_id" varchar(64) not null, "metadata" jsonb null, constraint "tax_rate_pkey" primary key ("id"));`);
    this.addSql(`create index "tax_rate_region_id_index" on "tax_rate" ("region_id");`);
    this.addSql(`create index "tax_rate_updated_at_index" on "tax_rate" ("updated_at");`);
    this.addSql(`create index "tax_rate_created_at_index" on "tax_rate" ("created_at");`);
    this.addSql(`create index "tax_rate_rate_index" on "tax_rate" ("rate");`);
    this.addSql(`create index "tax_rate_code_index" on "tax_rate" ("code");`);
    this.addSql(`create index "tax_rate_name_index" on "tax_rate" ("name");`);
    this.addSql(`create table "shipping_tax_rate" ("rate_id" varchar(64) not null, "shipping_option_id" varchar(64) not null, constraint "shipping_tax_rate_pkey" primary key ("rate_id", "shipping_option_id"));`);
    this.addSql(`create table "product_type_tax_rate" ("rate_id" varchar(64) not null, "product_type_id" varchar(64) not null, constraint "product_type_tax_rate_pkey" primary key ("rate_id", "product_type_id"));`);
    this.addSql(`create table "product_tax_rate" ("rate_id" varchar(64) not null, "product_id" varchar(64) not null, constraint "product_tax_rate_pkey" primary key ("rate_id", "product_id"));`);
    this.addSql(`alter table "tax_rate" add constraint "tax_rate_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade;`);
    this.addSql(`alter table "shipping_tax_rate" add constraint "shipping_tax_rate_rate_id_foreign" foreign key ("rate_id") references "tax_rate" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "shipping_tax_rate" add constraint "shipping_tax_rate_shipping_option_id_foreign" foreign key ("shipping_option_id") references "shipping_option" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "product_type_tax_rate" add constraint "product_type_tax_rate_rate_id_foreign" foreign key ("rate_id") references "tax_rate" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "product_type_tax_rate" add constraint "product_type_tax_rate_product_type_id_foreign" foreign key ("product_type_id") references "product_type" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "product_tax_rate" add constraint "product_tax_rate_rate_id_foreign" foreign key ("rate_id") references "tax_rate" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "product_tax_rate" add constraint "product_tax_rate_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "product_tax_rate" cascade;`);
    this.addSql(`drop table if exists "product_type_tax_rate" cascade;`);
    this.addSql(`drop table if exists "shipping_tax_rate" cascade;`);
    this.addSql(`drop table if exists "tax_rate" cascade;`);
  }

}
