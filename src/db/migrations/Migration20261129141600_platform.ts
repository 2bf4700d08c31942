import { Migration } from '@mikro-orm/migrations';
import { CURRENCIES } from '../data/currencies';
import { newId } from '../../lib/ids';

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The platform's tables (users, invites, store, currencies, providers, apps) and the data a fresh
 * Medusa install has: every ISO 4217 currency, and one store whose only currency is USD.
 */

export class Migration20261129141600_platform extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "currency" ("code" varchar(255) not null, "symbol" varchar(255) not null, "symbol_native" varchar(255) not null, "name" varchar(255) not null, "includes_tax" boolean not null default false, constraint "currency_pkey" primary key ("code"));`);

    this.addSql(`create table "fulfillment_provider" ("id" varchar(255) not null, "is_installed" boolean not null default true, constraint "fulfillment_provider_pkey" primary key ("id"));`);

    this.addSql(`create table "invite" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "user_email" varchar(255) not null, "role" text check ("role" in ('admin', 'member', 'developer')) null default 'member', "accepted" boolean not null default false, "token" varchar(255) not null, "expires_at" timestamptz not null, "metadata" jsonb null, constraint "invite_pkey" primary key ("id"));`);
    this.addSql(`alter table "invite" add constraint "invite_token_unique" unique ("token");`);
    this.addSql(`create unique index "invite_email_unique" on "invite" ("user_email") where "deleted_at" is null;`);

    this.addSql(`create table "oauth" ("id" varchar(255) not null, "display_name" varchar(255) not null, "application_name" varchar(255) not null, "install_url" varchar(255) null, "uninstall_url" varchar(255) null, "data" jsonb null, constraint "oauth_pkey" primary key ("id"));`);
    this.addSql(`alter table "oauth" add constraint "oauth_application_name_unique" unique ("application_name");`);

    this.addSql(`create table "payment_provider" ("id" varchar(255) not null, "is_installed" boolean not null default true, constraint "payment_provider_pkey" primary key ("id"));`);

    this.addSql(`create table "store" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(255) not null default 'Medusa Store', "default_currency_code" varchar(255) not null, "swap_link_template" varchar(255) null, "payment_link_template" varchar(255) null, "invite_link_template" varchar(255) null, "default_location_id" varchar(255) null, "default_sales_channel_id" varchar(255) null, "metadata" jsonb null, constraint "store_pkey" primary key ("id"));`);

    this.addSql(`create table "store_currencies" ("store_id" varchar(64) not null, "currency_code" varchar(255) not null, constraint "store_currencies_pkey" primary key ("store_id", "currency_code"));`);

    this.addSql(`create table "tax_provider" ("id" varchar(255) not null, "is_installed" boolean not null default true, constraint "tax_provider_pkey" primary key ("id"));`);

    this.addSql(`create table "user" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "email" varchar(255) not null, "first_name" varchar(255) null, "last_name" varchar(255) null, "role" text check ("role" in ('admin', 'member', 'developer')) not null default 'member', "password_hash" varchar(255) null, "api_token" varchar(255) null, "reset_token_hash" varchar(255) null, "reset_token_expires_at" timestamptz null, "metadata" jsonb null, constraint "user_pkey" primary key ("id"));`);
    this.addSql(`alter table "user" add constraint "user_api_token_unique" unique ("api_token");`);
    this.addSql(`create index "user_created_at_index" on "user" ("created_at");`);
    this.addSql(`create unique index "user_email_unique" on "user" ("email") where "deleted_at" is null;`);

    this.addSql(`alter table "store" add constraint "store_default_currency_code_foreign" foreign key ("default_currency_code") references "currency" ("code") on update cascade;`);

    this.addSql(`alter table "store_currencies" add constraint "store_currencies_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "store_currencies" add constraint "store_currencies_currency_code_foreign" foreign key ("currency_code") references "currency" ("code") on update cascade on delete cascade;`);

    const rows = CURRENCIES.map((c) => `(${c.map(quote).join(', ')})`).join(',\n');
    this.addSql(`insert into "currency" ("code", "symbol", "symbol_native", "name") values ${rows};`);
    const storeId = newId('store');
    this.addSql(`insert into "store" ("id", "name", "default_currency_code") values ('${storeId}', 'Medusa Store', 'usd');`);
    this.addSql(`insert into "store_currencies" ("store_id", "currency_code") values ('${storeId}', 'usd');`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "store" drop constraint "store_default_currency_code_foreign";`);

    this.addSql(`alter table "store_currencies" drop constraint "store_currencies_currency_code_foreign";`);

    this.addSql(`alter table "store_currencies" drop constraint "store_currencies_store_id_foreign";`);

    this.addSql(`drop table if exists "currency" cascade;`);

    this.addSql(`drop table if exists "fulfillment_provider" cascade;`);

    this.addSql(`drop table if exists "invite" cascade;`);

    this.addSql(`drop table if exists "oauth" cascade;`);

    this.addSql(`drop table if exists "payment_provider" cascade;`);

    this.addSql(`drop table if exists "store" cascade;`);

    this.addSql(`drop table if exists "store_currencies" cascade;`);

    this.addSql(`drop table if exists "tax_provider" cascade;`);

    this.addSql(`drop table if exists "user" cascade;`);
  }

}
