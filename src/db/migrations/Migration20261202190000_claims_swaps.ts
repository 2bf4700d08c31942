import { Migration } from '@mikro-orm/migrations';

export class Migration20261202190000_claims_swaps extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "claim_tag" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "value" text not null, "metadata" jsonb null, constraint "claim_tag_pkey" primary key ("id"));`);
    this.addSql(`create index "claim_tag_value_index" on "claim_tag" ("value");`);

    this.addSql(`create table "swap" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "fulfillment_status" text check ("fulfillment_status" in ('not_fulfilled', 'fulfilled', 'shipped', 'partially_shipped', 'canceled', 'requires_action')) not null, "payment_status" text check ("payment_status" in ('not_paid', 'awaiting', 'captured', 'confirmed', 'canceled', 'difference_refunded', 'partially_refunded', 'refunded', 'requires_action')) not null, "order_id" varchar(64) not null, "difference_due" int null, "shipping_address_id" varchar(64) null, "cart_id" varchar(64) null, "confirmed_at" timestamptz null, "canceled_at" timestamptz null, "no_notification" boolean null, "allow_backorder" boolean not null default false, "idempotency_key" text null, "metadata" jsonb null, constraint "swap_pkey" primary key ("id"));`);
    this.addSql(`create index "swap_order_id_index" on "swap" ("order_id");`);
    this.addSql(`create index "swap_shipping_address_id_index" on "swap" ("shipping_address_id");`);
    this.addSql(`alter table "swap" add constraint "swap_cart_id_unique" unique ("cart_id");`);
    this.addSql(`create index "swap_created_at_index" on "swap" ("created_at");`);

    this.addSql(`create table "claim_order" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "payment_status" text check ("payment_status" in ('na', 'not_refunded', 'refunded')) not null default 'na', "fulfillment_status" text check ("fulfillment_status" in ('not_fulfilled', 'partially_fulfilled', 'fulfilled', 'partially_shipped', 'shipped', 'partially_returned', 'returned', 'canceled', 'requires_action')) not null default 'not_fulfilled', "type" text check ("type" in ('refund', 'replace')) not null, "order_id" varchar(64) not null, "shipping_address_id" varchar(64) null, "refund_amount" int null, "canceled_at" timestamptz null, "no_notification" boolean null, "idempotency_key" text null, "metadata" jsonb null, constraint "claim_order_pkey" primary key ("id"));`);
    this.addSql(`create index "claim_order_order_id_index" on "claim_order" ("order_id");`);
    this.addSql(`create index "claim_order_shipping_address_id_index" on "claim_order" ("shipping_address_id");`);
    this.addSql(`create index "claim_order_created_at_index" on "claim_order" ("created_at");`);

    this.addSql(`create table "claim_item" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "claim_order_id" varchar(64) not null, "item_id" varchar(64) not null, "variant_id" varchar(64) not null, "reason" text check ("reason" in ('missing_item', 'wrong_item', 'production_failure', 'other')) not null, "note" text null, "quantity" int not null, "metadata" jsonb null, constraint "claim_item_pkey" primary key ("id"));`);
    this.addSql(`create index "claim_item_claim_order_id_index" on "claim_item" ("claim_order_id");`);
    this.addSql(`create index "claim_item_item_id_index" on "claim_item" ("item_id");`);
    this.addSql(`create index "claim_item_variant_id_index" on "claim_item" ("variant_id");`);

    this.addSql(`create table "claim_image" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "claim_item_id" varchar(64) not null, "url" text not null, "metadata" jsonb null, constraint "claim_image_pkey" primary key ("id"));`);
    this.addSql(`create index "claim_image_claim_item_id_index" on "claim_image" ("claim_item_id");`);

    this.addSql(`create table "claim_item_tags" ("item_id" varchar(64) not null, "tag_id" varchar(64) not null, constraint "claim_item_tags_pkey" primary key ("item_id", "tag_id"));`);

    this.addSql(`alter table "swap" add constraint "swap_order_id_foreign" foreign key ("order_id") references "order" ("id") on update cascade;`);
    this.addSql(`alter table "swap" add constraint "swap_shipping_address_id_foreign" foreign key ("shipping_address_id") references "address" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "swap" add constraint "swap_cart_id_foreign" foreign key ("cart_id") references "cart" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "claim_order" add constraint "claim_order_order_id_foreign" foreign key ("order_id") references "order" ("id") on update cascade;`);
    this.addSql(`alter table "claim_order" add constraint "claim_order_shipping_address_id_foreign" foreign key ("shipping_address_id") references "address" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "claim_item" add constraint "claim_item_claim_order_id_foreign" foreign key ("claim_order_id") references "claim_order" ("id") on update cascade;`);
    this.addSql(`alter table "claim_item" add constraint "claim_item_item_id_foreign" foreign key ("item_id") references "line_item" ("id") on update cascade;`);
    this.addSql(`alter table "claim_item" add constraint "claim_item_variant_id_foreign" foreign key ("variant_id") references "product_variant" ("id") on update cascade;`);

    this.addSql(`alter table "claim_image" add constraint "claim_image_claim_item_id_foreign" foreign key ("claim_item_id") references "claim_item" ("id") on update cascade;`);

    this.addSql(`alter table "claim_item_tags" add constraint "claim_item_tags_item_id_foreign" foreign key ("item_id") references "claim_item" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "claim_item_tags" add constraint "claim_item_tags_tag_id_foreign" foreign key ("tag_id") references "claim_tag" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "custom_shipping_option" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "price" int not null, "shipping_option_id" varchar(64) not null, "cart_id" varchar(64) null, "metadata" jsonb null, constraint "custom_shipping_option_pkey" primary key ("id"));`);
    this.addSql(`create index "custom_shipping_option_shipping_option_id_index" on "custom_shipping_option" ("shipping_option_id");`);
    this.addSql(`create index "custom_shipping_option_cart_id_index" on "custom_shipping_option" ("cart_id");`);

    this.addSql(`alter table "custom_shipping_option" add constraint "custom_shipping_option_shipping_option_id_foreign" foreign key ("shipping_option_id") references "shipping_option" ("id") on update cascade;`);
    this.addSql(`alter table "custom_shipping_option" add constraint "custom_shipping_option_cart_id_foreign" foreign key ("cart_id") references "cart" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "custom_shipping_option" cascade;`);

    this.addSql(`alter table "claim_item_tags" drop constraint "claim_item_tags_tag_id_foreign";`);

    this.addSql(`alter table "claim_item" drop constraint "claim_item_claim_order_id_foreign";`);

    this.addSql(`alter table "claim_image" drop constraint "claim_image_claim_item_id_foreign";`);

    this.addSql(`alter table "claim_item_tags" drop constraint "claim_item_tags_item_id_foreign";`);

    this.addSql(`drop table if exists "claim_tag" cascade;`);

    this.addSql(`drop table if exists "swap" cascade;`);

    this.addSql(`drop table if exists "claim_order" cascade;`);

    this.addSql(`drop table if exists "claim_item" cascade;`);

    this.addSql(`drop table if exists "claim_image" cascade;`);

    this.addSql(`drop table if exists "claim_item_tags" cascade;`);
  }

}
