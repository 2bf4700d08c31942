import { Migration } from '@mikro-orm/migrations';

/** Gift cards, each in a region. */
export class Migration20261129143500_gift_cards extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "gift_card" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "code" varchar(255) not null, "value" int not null, "balance" int not null, "region_id" varchar(64) not null, "order_id" varchar(255) null, "is_disabled" boolean not null default false, "ends_at" timestamptz null, "tax_rate" real null, "metadata" jsonb null, constraint "gift_card_pkey" primary key ("id"));`);
    this.addSql(`alter table "gift_card" add constraint "gift_card_code_unique" unique ("code");`);
    this.addSql(`create index "gift_card_region_id_index" on "gift_card" ("region_id");`);
    this.addSql(`create index "gift_card_order_id_index" on "gift_card" ("order_id");`);
    this.addSql(`create index "gift_card_updated_at_index" on "gift_card" ("updated_at");`);
    this.addSql(`create index "gift_card_created_at_index" on "gift_card" ("created_at");`);
    this.addSql(`alter table "gift_card" add constraint "gift_card_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "gift_card" cascade;`);
  }

}
