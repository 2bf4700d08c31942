import { Migration } from '@mikro-orm/migrations';

export class Migration20261129142624_pricing_links extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "discount_condition_customer_group" ("condition_id" varchar(64) not null, "customer_group_id" varchar(64) not null, constraint "discount_condition_customer_group_pkey" primary key ("condition_id", "customer_group_id"));`);

    this.addSql(`create table "price_list_customer_groups" ("price_list_id" varchar(64) not null, "customer_group_id" varchar(64) not null, constraint "price_list_customer_groups_pkey" primary key ("price_list_id", "customer_group_id"));`);
    this.addSql(`create index "price_list_customer_groups_customer_group_id_index" on "price_list_customer_groups" ("customer_group_id");`);

    this.addSql(`create table "discount_condition_product_collection" ("condition_id" varchar(64) not null, "product_collection_id" varchar(64) not null, constraint "discount_condition_product_collection_pkey" primary key ("condition_id", "product_collection_id"));`);

    this.addSql(`create table "discount_condition_product_tag" ("condition_id" varchar(64) not null, "product_tag_id" varchar(64) not null, constraint "discount_condition_product_tag_pkey" primary key ("condition_id", "product_tag_id"));`);

    this.addSql(`create table "discount_condition_product_type" ("condition_id" varchar(64) not null, "product_type_id" varchar(64) not null, constraint "discount_condition_product_type_pkey" primary key ("condition_id", "product_type_id"));`);

    this.addSql(`create table "discount_condition_product" ("condition_id" varchar(64) not null, "product_id" varchar(64) not null, constraint "discount_condition_product_pkey" primary key ("condition_id", "product_id"));`);

    this.addSql(`create table "discount_regions" ("discount_id" varchar(64) not null, "region_id" varchar(64) not null, constraint "discount_regions_pkey" primary key ("discount_id", "region_id"));`);

    this.addSql(`alter table "discount_condition_customer_group" add constraint "discount_condition_customer_group_condition_id_foreign" foreign key ("condition_id") references "discount_condition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "discount_condition_customer_group" add constraint "discount_condition_customer_group_customer_group_id_foreign" foreign key ("customer_group_id") references "customer_group" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "price_list_customer_groups" add constraint "price_list_customer_groups_price_list_id_foreign" foreign key ("price_list_id") references "price_list" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "price_list_customer_groups" add constraint "price_list_customer_groups_customer_group_id_foreign" foreign key ("customer_group_id") references "customer_group" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "discount_condition_product_collection" add constraint "discount_condition_product_collection_condition_id_foreign" foreign key ("condition_id") references "discount_condition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "discount_condition_product_collection" add constraint "discount_condition_product_collection_product_co_68de6_foreign" foreign key ("product_collection_id") references "product_collection" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "discount_condition_product_tag" add constraint "discount_condition_product_tag_condition_id_foreign" foreign key ("condition_id") references "discount_condition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "discount_condition_product_tag" add constraint "discount_condition_product_tag_product_tag_id_foreign" foreign key ("product_tag_id") references "product_tag" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "discount_condition_product_type" add constraint "discount_condition_product_type_condition_id_foreign" foreign key ("condition_id") references "discount_condition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "discount_condition_product_type" add constraint "discount_condition_product_type_product_type_id_foreign" foreign key ("product_type_id") references "product_type" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "discount_condition_product" add constraint "discount_condition_product_condition_id_foreign" foreign key ("condition_id") references "discount_condition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "discount_condition_product" add constraint "discount_condition_product_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "discount_regions" add constraint "discount_regions_discount_id_foreign" foreign key ("discount_id") references "discount" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "discount_regions" add constraint "discount_regions_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "discount_condition_customer_group" cascade;`);

    this.addSql(`drop table if exists "price_list_customer_groups" cascade;`);

    this.addSql(`drop table if exists "discount_condition_product_collection" cascade;`);

    this.addSql(`drop table if exists "discount_condition_product_tag" cascade;`);

    this.addSql(`drop table if exists "discount_condition_product_type" cascade;`);

    this.addSql(`drop table if exists "discount_condition_product" cascade;`);

    this.addSql(`drop table if exists "discount_regions" cascade;`);
  }

}
