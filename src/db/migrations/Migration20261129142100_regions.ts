import { Migration } from '@mikro-orm/migrations';
import { COUNTRIES } from '../data/countries';

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Regions, their payment and fulfillment providers, and the countries: every ISO 3166-1 country,
 * as a fresh Medusa install has them (numeric ids, belonging to no region).
 */
export class Migration20261129142100_regions extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "region" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "name" varchar(255) not null, "currency_code" varchar(255) not null, "tax_rate" real not null, "tax_code" varchar(255) null, "gift_cards_taxable" boolean not null default true, "automatic_taxes" boolean not null default true, "tax_provider_id" varchar(255) null, "includes_tax" boolean not null default false, "metadata" jsonb null, constraint "region_pkey" primary key ("id"));`);
    this.addSql(`create index "region_deleted_at_index" on "region" ("deleted_at");`);
    this.addSql(`create index "region_updated_at_index" on "region" ("updated_at");`);
    this.addSql(`create index "region_created_at_index" on "region" ("created_at");`);
    this.addSql(`create index "region_name_index" on "region" ("name");`);
    this.addSql(`create table "region_payment_providers" ("region_id" varchar(64) not null, "provider_id" varchar(255) not null, constraint "region_payment_providers_pkey" primary key ("region_id", "provider_id"));`);
    this.addSql(`create table "region_fulfillment_providers" ("region_id" varchar(64) not null, "provider_id" varchar(255) not null, constraint "region_fulfillment_providers_pkey" primary key ("region_id", "provider_id"));`);
    this.addSql(`create table "country" ("id" serial primary key, "iso_2" varchar(255) not null, "iso_3" varchar(255) not null, "num_code" int not null, "name" varchar(255) not null, "display_name" varchar(255) not null, "region_id" varchar(64) null);`);
    this.addSql(`alter table "country" add constraint "country_iso_2_unique" unique ("iso_2");`);
    this.addSql(`create index "country_region_id_index" on "country" ("region_id");`);
    this.addSql(`alter table "region" add constraint "region_currency_code_foreign" foreign key ("currency_code") references "currency" ("code") on update cascade;`);
    this.addSql(`alter table "region" add constraint "region_tax_provider_id_foreign" foreign key ("tax_provider_id") references "tax_provider" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "region_payment_providers" add constraint "region_payment_providers_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "region_payment_providers" add constraint "region_payment_providers_provider_id_foreign" foreign key ("provider_id") references "payment_provider" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "region_fulfillment_providers" add constraint "region_fulfillment_providers_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "region_fulfillment_providers" add constraint "region_fulfillment_providers_provider_id_foreign" foreign key ("provider_id") references "fulfillment_provider" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "country" add constraint "country_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete set null;`);

    const rows = COUNTRIES.map(([iso2, iso3, num, name, display]) => `(${quote(iso2)}, ${quote(iso3)}, ${num}, ${quote(name)}, ${quote(display)})`).join(',\n');
    this.addSql(`insert into "country" ("iso_2", "iso_3", "num_code", "name", "display_name") values ${rows};`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "country" cascade;`);
    this.addSql(`drop table if exists "region_fulfillment_providers" cascade;`);
    this.addSql(`drop table if exists "region_payment_providers" cascade;`);
    this.addSql(`drop table if exists "region" cascade;`);
  }

}
