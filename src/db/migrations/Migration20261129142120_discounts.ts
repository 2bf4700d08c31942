import { Migration } from '@mikro-orm/migrations';

export class Migration20261129142120_discounts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "discount_rule" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "description" varchar(255) null, "type" text check ("type" in ('fixed', 'percentage', 'free_shipping')) not null, "value" int not null, "allocation" text check ("allocation" in ('total', 'item')) null, "metadata" jsonb null, constraint "discount_rule_pkey" primary key ("id"));`);

    this.addSql(`create table "discount_condition" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "type" text check ("type" in ('products', 'product_types', 'product_collections', 'product_tags', 'customer_groups')) not null, "operator" text check ("operator" in ('in', 'not_in')) not null, "discount_rule_id" varchar(64) not null, "deleted_at" timestamptz null, "metadata" jsonb null, constraint "discount_condition_pkey" primary key ("id"));`);
    this.addSql(`create index "discount_condition_discount_rule_id_index" on "discount_condition" ("discount_rule_id");`);
    this.addSql(`alter table "discount_condition" add constraint "discount_condition_type_operator_rule_unique" unique ("type", "operator", "discount_rule_id");`);

    this.addSql(`create table "discount" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "code" varchar(255) not null, "is_dynamic" boolean not null default false, "rule_id" varchar(64) null, "is_disabled" boolean not null default false, "parent_discount_id" varchar(64) null, "starts_at" timestamptz not null default now(), "ends_at" timestamptz null, "valid_duration" varchar(255) null, "usage_limit" int null, "usage_count" int not null default 0, "metadata" jsonb null, constraint "discount_pkey" primary key ("id"));`);
    this.addSql(`create index "discount_rule_id_index" on "discount" ("rule_id");`);
    this.addSql(`create index "discount_parent_discount_id_index" on "discount" ("parent_discount_id");`);
    this.addSql(`create index "discount_is_disabled_index" on "discount" ("is_disabled");`);
    this.addSql(`create index "discount_is_dynamic_index" on "discount" ("is_dynamic");`);
    this.addSql(`create index "discount_ends_at_index" on "discount" ("ends_at");`);
    this.addSql(`create index "discount_starts_at_index" on "discount" ("starts_at");`);
    this.addSql(`create index "discount_updated_at_index" on "discount" ("updated_at");`);
    this.addSql(`create index "discount_created_at_index" on "discount" ("created_at");`);
    this.addSql(`create unique index "discount_code_unique" on "discount" ("code") where "deleted_at" is null;`);

    this.addSql(`alter table "discount_condition" add constraint "discount_condition_discount_rule_id_foreign" foreign key ("discount_rule_id") references "discount_rule" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "discount" add constraint "discount_rule_id_foreign" foreign key ("rule_id") references "discount_rule" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "discount" add constraint "discount_parent_discount_id_foreign" foreign key ("parent_discount_id") references "discount" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "discount_condition" drop constraint "discount_condition_discount_rule_id_foreign";`);

    this.addSql(`alter table "discount" drop constraint "discount_rule_id_foreign";`);

    this.addSql(`alter table "discount" drop constraint "discount_parent_discount_id_foreign";`);

    this.addSql(`drop table if exists "discount_rule" cascade;`);

    this.addSql(`drop table if exists "discount_condition" cascade;`);

    this.addSql(`drop table if exists "discount" cascade;`);
  }

}
