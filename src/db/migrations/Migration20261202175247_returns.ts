import { Migration } from '@mikro-orm/migrations';

export class Migration20261202175247_returns extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "return" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "status" text check ("status" in ('requested', 'received', 'requires_action', 'canceled')) not null default 'requested', "swap_id" text null, "claim_order_id" text null, "order_id" varchar(64) null, "location_id" text null, "shipping_data" jsonb null, "refund_amount" int not null, "received_at" timestamptz null, "no_notification" boolean null, "idempotency_key" text null, "metadata" jsonb null, constraint "return_pkey" primary key ("id"));`);
    this.addSql(`create index "return_status_index" on "return" ("status");`);
    this.addSql(`create index "return_swap_id_index" on "return" ("swap_id");`);
    this.addSql(`create index "return_claim_order_id_index" on "return" ("claim_order_id");`);
    this.addSql(`create index "return_order_id_index" on "return" ("order_id");`);
    this.addSql(`create index "return_location_id_index" on "return" ("location_id");`);
    this.addSql(`create index "return_updated_at_index" on "return" ("updated_at");`);
    this.addSql(`create index "return_created_at_index" on "return" ("created_at");`);

    this.addSql(`create table "return_item" ("return_id" varchar(64) not null, "item_id" varchar(64) not null, "quantity" int not null, "is_requested" boolean not null default true, "requested_quantity" int null, "received_quantity" int null, "reason_id" varchar(64) null, "note" text null, "metadata" jsonb null, constraint "return_item_pkey" primary key ("return_id", "item_id"));`);
    this.addSql(`create index "return_item_item_id_index" on "return_item" ("item_id");`);
    this.addSql(`create index "return_item_reason_id_index" on "return_item" ("reason_id");`);

    this.addSql(`alter table "return" add constraint "return_order_id_foreign" foreign key ("order_id") references "order" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "return_item" add constraint "return_item_return_id_foreign" foreign key ("return_id") references "return" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "return_item" add constraint "return_item_item_id_foreign" foreign key ("item_id") references "line_item" ("id") on update cascade;`);
    this.addSql(`alter table "return_item" add constraint "return_item_reason_id_foreign" foreign key ("reason_id") references "return_reason" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "return_item" drop constraint "return_item_return_id_foreign";`);

    this.addSql(`drop table if exists "return" cascade;`);

    this.addSql(`drop table if exists "return_item" cascade;`);
  }

}
