import { Migration } from '@mikro-orm/migrations';

/** Customers, their addresses, customer groups and the customer ↔ group link. */
export class Migration20261129142500_customers extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "customer" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "email" varchar(255) not null, "first_name" varchar(255) null, "last_name" varchar(255) null, "billing_address_id" varchar(64) null, "phone" varchar(255) null, "has_account" boolean not null default false, "password_hash" varchar(255) null, "metadata" jsonb null, constraint "customer_pkey" primary key ("id"));`);
    this.addSql(`create index "customer_email_index" on "customer" ("email");`);
    this.addSql(`create index "customer_first_name_index" on "customer" ("first_name");`);
    this.addSql(`create index "customer_last_name_index" on "customer" ("last_name");`);
    this.addSql(`create index "customer_has_account_index" on "customer" ("has_account");`);
    this.addSql(`create index "customer_updated_at_index" on "customer" ("updated_at");`);
    this.addSql(`create index "customer_created_at_index" on "customer" ("created_at");`);
    this.addSql(`create unique index "customer_email_has_account_unique" on "customer" ("email", "has_account") where "deleted_at" is null;`);
    this.addSql(`create table "address" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "customer_id" varchar(64) null, "company" varchar(255) null, "first_name" varchar(255) null, "last_name" varchar(255) null, "address_1" varchar(255) null, "address_2" varchar(255) null, "city" varchar(255) null, "country_code" varchar(255) null, "province" varchar(255) null, "postal_code" varchar(255) null, "phone" varchar(255) null, "metadata" jsonb null, constraint "address_pkey" primary key ("id"));`);
    this.addSql(`create index "address_customer_id_index" on "address" ("customer_id");`);
    this.addSql(`create table "customer_group" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "name" varchar(255) not null, "metadata" jsonb null, constraint "customer_group_pkey" primary key ("id"));`);
    this.addSql(`create index "customer_group_updated_at_index" on "customer_group" ("updated_at");`);
    this.addSql(`create index "customer_group_created_at_index" on "customer_group" ("created_at");`);
    this.addSql(`create unique index "customer_group_name_unique" on "customer_group" ("name") where "deleted_at" is null;`);
    this.addSql(`create table "customer_group_customers" ("customer_id" varchar(64) not null, "customer_group_id" varchar(64) not null, constraint "customer_group_customers_pkey" primary key ("customer_id", "customer_group_id"));`);
    this.addSql(`create index "customer_group_customers_customer_group_id_index" on "customer_group_customers" ("customer_group_id");`);
    this.addSql(`alter table "customer" add constraint "customer_billing_address_id_foreign" foreign key ("billing_address_id") references "address" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "address" add constraint "address_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "customer_group_customers" add constraint "customer_group_customers_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "customer_group_customers" add constraint "customer_group_customers_customer_group_id_foreign" foreign key ("customer_group_id") references "customer_group" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "customer_group_customers" drop constraint "customer_group_customers_customer_group_id_foreign";`);
    this.addSql(`alter table "customer_group_customers" drop constraint "customer_group_customers_customer_id_foreign";`);
    this.addSql(`alter table "address" drop constraint "address_customer_id_foreign";`);
    this.addSql(`alter table "customer" drop constraint "customer_billing_address_id_foreign";`);
    this.addSql(`drop table if exists "customer_group_customers" cascade;`);
    this.addSql(`drop table if exists "customer_group" cascade;`);
    this.addSql(`drop table if exists "address" cascade;`);
    this.addSql(`drop table if exists "customer" cascade;`);
  }

}
