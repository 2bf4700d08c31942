import { Migration } from '@mikro-orm/migrations';

/**
 * Links of the catalogue to tables of other domains that landed after the products migration:
 * a product's collection, shipping profile, categories and sales channels, and a price's region.
 */
export class Migration20261129143100_products_links extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "product" add column "collection_id" varchar(64) null, add column "profile_id" varchar(64) null;`);
    this.addSql(`create index "product_collection_id_index" on "product" ("collection_id");`);
    this.addSql(`create index "product_profile_id_index" on "product" ("profile_id");`);
    this.addSql(`alter table "product" add constraint "product_collection_id_foreign" foreign key ("collection_id") references "product_collection" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "product" add constraint "product_profile_id_foreign" foreign key ("profile_id") references "shipping_profile" ("id") on update cascade on delete set null;`);

    this.addSql(`create table "product_category_product" ("product_id" varchar(64) not null, "product_category_id" varchar(64) not null, constraint "product_category_product_pkey" primary key ("product_id", "product_category_id"));`);
    this.addSql(`alter table "product_category_product" add constraint "product_category_product_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "product_category_product" add constraint "product_category_product_product_category_id_foreign" foreign key ("product_category_id") references "product_category" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "product_sales_channel" ("product_id" varchar(64) not null, "sales_channel_id" varchar(64) not null, constraint "product_sales_channel_pkey" primary key ("product_id", "sales_channel_id"));`);
    this.addSql(`alter table "product_sales_channel" add constraint "product_sales_channel_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "product_sales_channel" add constraint "product_sales_channel_sales_channel_id_foreign" foreign key ("sales_channel_id") references "sales_channel" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "money_amount" add column "region_id" varchar(64) null;`);
    this.addSql(`create index "money_amount_region_id_index" on "money_amount" ("region_id");`);
    this.addSql(`alter table "money_amount" add constraint "money_amount_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "money_amount" drop constraint "money_amount_region_id_foreign";`);
    this.addSql(`alter table "money_amount" drop column "region_id";`);
    this.addSql(`drop table if exists "product_sales_channel" cascade;`);
    this.addSql(`drop table if exists "product_category_product" cascade;`);
    this.addSql(`alter table "product" drop constraint "product_collection_id_foreign";`);
    this.addSql(`alter table "product" drop constraint "product_profile_id_foreign";`);
    this.addSql(`alter table "product" drop column "collection_id", drop column "profile_id";`);
  }
}
