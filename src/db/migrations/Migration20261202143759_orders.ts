import { Migration } from '@mikro-orm/migrations';

export class Migration20261202143759_orders extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "payment_collection" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "type" text check ("type" in ('order_edit')) not null, "status" text check ("status" in ('not_paid', 'awaiting', 'authorized', 'partially_authorized', 'canceled')) not null, "description" text null, "amount" int not null, "authorized_amount" int null, "region_id" varchar(64) not null, "currency_code" varchar(255) not null, "created_by" text not null, "metadata" jsonb null, constraint "payment_collection_pkey" primary key ("id"));`);
    this.addSql(`create index "payment_collection_status_index" on "payment_collection" ("status");`);
    this.addSql(`create index "payment_collection_region_id_index" on "payment_collection" ("region_id");`);
    this.addSql(`create index "payment_collection_created_by_index" on "payment_collection" ("created_by");`);
    this.addSql(`create index "payment_collection_created_at_index" on "payment_collection" ("created_at");`);

    this.addSql(`create table "cart" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "email" text null, "billing_address_id" varchar(64) null, "shipping_address_id" varchar(64) null, "region_id" varchar(64) not null, "customer_id" varchar(64) null, "payment_id" text null, "type" text check ("type" in ('default', 'swap', 'draft_order', 'payment_link', 'claim')) not null default 'default', "completed_at" timestamptz null, "payment_authorized_at" timestamptz null, "idempotency_key" text null, "context" jsonb null, "sales_channel_id" varchar(64) null, "metadata" jsonb null, constraint "cart_pkey" primary key ("id"));`);
    this.addSql(`create index "cart_email_index" on "cart" ("email");`);
    this.addSql(`create index "cart_billing_address_id_index" on "cart" ("billing_address_id");`);
    this.addSql(`create index "cart_shipping_address_id_index" on "cart" ("shipping_address_id");`);
    this.addSql(`create index "cart_region_id_index" on "cart" ("region_id");`);
    this.addSql(`create index "cart_customer_id_index" on "cart" ("customer_id");`);
    this.addSql(`create index "cart_sales_channel_id_index" on "cart" ("sales_channel_id");`);
    this.addSql(`create index "cart_created_at_index" on "cart" ("created_at");`);

    this.addSql(`create table "payment_session" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "cart_id" varchar(64) null, "provider_id" text not null, "is_selected" boolean null, "is_initiated" boolean not null default false, "status" text check ("status" in ('authorized', 'pending', 'requires_more', 'error', 'canceled')) not null, "data" jsonb not null default '{}', "idempotency_key" text null, "amount" int null, "payment_authorized_at" timestamptz null, constraint "payment_session_pkey" primary key ("id"));`);
    this.addSql(`create index "payment_session_cart_id_index" on "payment_session" ("cart_id");`);

    this.addSql(`create table "payment_collection_sessions" ("payment_collection_id" varchar(64) not null, "payment_session_id" varchar(64) not null, constraint "payment_collection_sessions_pkey" primary key ("payment_collection_id", "payment_session_id"));`);

    this.addSql(`create table "order" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "status" text check ("status" in ('pending', 'completed', 'archived', 'canceled', 'requires_action')) not null default 'pending', "fulfillment_status" text check ("fulfillment_status" in ('not_fulfilled', 'partially_fulfilled', 'fulfilled', 'partially_shipped', 'shipped', 'partially_returned', 'returned', 'canceled', 'requires_action')) not null default 'not_fulfilled', "payment_status" text check ("payment_status" in ('not_paid', 'awaiting', 'captured', 'partially_refunded', 'refunded', 'canceled', 'requires_action')) not null default 'not_paid', "display_id" serial, "cart_id" varchar(64) null, "customer_id" varchar(64) not null, "email" text not null, "billing_address_id" varchar(64) null, "shipping_address_id" varchar(64) null, "region_id" varchar(64) not null, "currency_code" varchar(255) not null, "tax_rate" real null, "draft_order_id" text null, "canceled_at" timestamptz null, "no_notification" boolean null, "idempotency_key" text null, "external_id" text null, "sales_channel_id" varchar(64) null, "metadata" jsonb null, constraint "order_pkey" primary key ("id"));`);
    this.addSql(`create index "order_status_index" on "order" ("status");`);
    this.addSql(`create index "order_fulfillment_status_index" on "order" ("fulfillment_status");`);
    this.addSql(`create index "order_payment_status_index" on "order" ("payment_status");`);
    this.addSql(`alter table "order" add constraint "order_display_id_unique" unique ("display_id");`);
    this.addSql(`alter table "order" add constraint "order_cart_id_unique" unique ("cart_id");`);
    this.addSql(`create index "order_customer_id_index" on "order" ("customer_id");`);
    this.addSql(`create index "order_email_index" on "order" ("email");`);
    this.addSql(`create index "order_billing_address_id_index" on "order" ("billing_address_id");`);
    this.addSql(`create index "order_shipping_address_id_index" on "order" ("shipping_address_id");`);
    this.addSql(`create index "order_region_id_index" on "order" ("region_id");`);
    this.addSql(`create index "order_currency_code_index" on "order" ("currency_code");`);
    this.addSql(`create index "order_draft_order_id_index" on "order" ("draft_order_id");`);
    this.addSql(`create index "order_sales_channel_id_index" on "order" ("sales_channel_id");`);
    this.addSql(`create index "order_canceled_at_index" on "order" ("canceled_at");`);
    this.addSql(`create index "order_updated_at_index" on "order" ("updated_at");`);
    this.addSql(`create index "order_created_at_index" on "order" ("created_at");`);

    this.addSql(`create table "shipping_method" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "shipping_option_id" varchar(64) not null, "order_id" varchar(64) null, "cart_id" varchar(64) null, "claim_order_id" text null, "swap_id" text null, "return_id" text null, "price" int not null, "data" jsonb not null default '{}', "includes_tax" boolean not null default false, constraint "shipping_method_pkey" primary key ("id"));`);
    this.addSql(`create index "shipping_method_shipping_option_id_index" on "shipping_method" ("shipping_option_id");`);
    this.addSql(`create index "shipping_method_order_id_index" on "shipping_method" ("order_id");`);
    this.addSql(`create index "shipping_method_cart_id_index" on "shipping_method" ("cart_id");`);
    this.addSql(`create index "shipping_method_claim_order_id_index" on "shipping_method" ("claim_order_id");`);
    this.addSql(`create index "shipping_method_swap_id_index" on "shipping_method" ("swap_id");`);
    this.addSql(`create index "shipping_method_return_id_index" on "shipping_method" ("return_id");`);

    this.addSql(`create table "shipping_method_tax_line" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "shipping_method_id" varchar(64) not null, "rate" real not null, "name" text not null, "code" text null, "metadata" jsonb null, constraint "shipping_method_tax_line_pkey" primary key ("id"));`);
    this.addSql(`create index "shipping_method_tax_line_shipping_method_id_index" on "shipping_method_tax_line" ("shipping_method_id");`);
    this.addSql(`create unique index "shipping_method_tax_line_method_code_unique" on "shipping_method_tax_line" ("shipping_method_id", "code");`);

    this.addSql(`create table "payment" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "swap_id" text null, "cart_id" varchar(64) null, "order_id" varchar(64) null, "amount" int not null, "currency_code" varchar(255) not null, "amount_refunded" int not null default 0, "provider_id" text not null, "data" jsonb not null default '{}', "captured_at" timestamptz null, "canceled_at" timestamptz null, "idempotency_key" text null, "metadata" jsonb null, constraint "payment_pkey" primary key ("id"));`);
    this.addSql(`create index "payment_swap_id_index" on "payment" ("swap_id");`);
    this.addSql(`create index "payment_cart_id_index" on "payment" ("cart_id");`);
    this.addSql(`create index "payment_order_id_index" on "payment" ("order_id");`);
    this.addSql(`create index "payment_created_at_index" on "payment" ("created_at");`);

    this.addSql(`create table "refund" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "order_id" varchar(64) null, "payment_id" varchar(64) null, "amount" int not null, "note" text null, "reason" text check ("reason" in ('discount', 'return', 'swap', 'claim', 'other')) not null, "idempotency_key" text null, "metadata" jsonb null, constraint "refund_pkey" primary key ("id"));`);
    this.addSql(`create index "refund_order_id_index" on "refund" ("order_id");`);
    this.addSql(`create index "refund_payment_id_index" on "refund" ("payment_id");`);
    this.addSql(`create index "refund_created_at_index" on "refund" ("created_at");`);

    this.addSql(`create table "payment_collection_payments" ("payment_collection_id" varchar(64) not null, "payment_id" varchar(64) not null, constraint "payment_collection_payments_pkey" primary key ("payment_collection_id", "payment_id"));`);

    this.addSql(`create table "order_gift_cards" ("order_id" varchar(64) not null, "gift_card_id" varchar(64) not null, constraint "order_gift_cards_pkey" primary key ("order_id", "gift_card_id"));`);

    this.addSql(`create table "order_discounts" ("order_id" varchar(64) not null, "discount_id" varchar(64) not null, constraint "order_discounts_pkey" primary key ("order_id", "discount_id"));`);

    this.addSql(`create table "gift_card_transaction" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "gift_card_id" varchar(64) not null, "order_id" varchar(64) not null, "amount" int not null, "is_taxable" boolean null, "tax_rate" real null, constraint "gift_card_transaction_pkey" primary key ("id"));`);
    this.addSql(`create index "gift_card_transaction_gift_card_id_index" on "gift_card_transaction" ("gift_card_id");`);
    this.addSql(`create index "gift_card_transaction_order_id_index" on "gift_card_transaction" ("order_id");`);

    this.addSql(`create table "fulfillment" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "claim_order_id" text null, "swap_id" text null, "order_id" varchar(64) null, "provider_id" varchar(255) not null, "location_id" text null, "tracking_numbers" jsonb not null default '[]', "data" jsonb not null default '{}', "shipped_at" timestamptz null, "no_notification" boolean null, "canceled_at" timestamptz null, "idempotency_key" text null, "metadata" jsonb null, constraint "fulfillment_pkey" primary key ("id"));`);
    this.addSql(`create index "fulfillment_claim_order_id_index" on "fulfillment" ("claim_order_id");`);
    this.addSql(`create index "fulfillment_swap_id_index" on "fulfillment" ("swap_id");`);
    this.addSql(`create index "fulfillment_order_id_index" on "fulfillment" ("order_id");`);
    this.addSql(`create index "fulfillment_location_id_index" on "fulfillment" ("location_id");`);
    this.addSql(`create index "fulfillment_created_at_index" on "fulfillment" ("created_at");`);

    this.addSql(`create table "line_item" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "cart_id" varchar(64) null, "order_id" varchar(64) null, "swap_id" text null, "claim_order_id" text null, "original_item_id" text null, "order_edit_id" text null, "title" text not null, "description" text null, "thumbnail" text null, "is_return" boolean not null default false, "is_giftcard" boolean not null default false, "should_merge" boolean not null default true, "allow_discounts" boolean not null default true, "has_shipping" boolean null, "unit_price" int not null, "variant_id" varchar(64) null, "quantity" int not null, "fulfilled_quantity" int null, "returned_quantity" int null, "shipped_quantity" int null, "includes_tax" boolean not null default false, "metadata" jsonb null, constraint "line_item_pkey" primary key ("id"));`);
    this.addSql(`create index "line_item_cart_id_index" on "line_item" ("cart_id");`);
    this.addSql(`create index "line_item_order_id_index" on "line_item" ("order_id");`);
    this.addSql(`create index "line_item_swap_id_index" on "line_item" ("swap_id");`);
    this.addSql(`create index "line_item_claim_order_id_index" on "line_item" ("claim_order_id");`);
    this.addSql(`create index "line_item_original_item_id_index" on "line_item" ("original_item_id");`);
    this.addSql(`create index "line_item_order_edit_id_index" on "line_item" ("order_edit_id");`);
    this.addSql(`create index "line_item_variant_id_index" on "line_item" ("variant_id");`);
    this.addSql(`create index "line_item_created_at_index" on "line_item" ("created_at");`);

    this.addSql(`create table "line_item_tax_line" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "item_id" varchar(64) not null, "rate" real not null, "name" text not null, "code" text null, "metadata" jsonb null, constraint "line_item_tax_line_pkey" primary key ("id"));`);
    this.addSql(`create index "line_item_tax_line_item_id_index" on "line_item_tax_line" ("item_id");`);
    this.addSql(`create unique index "line_item_tax_line_item_id_code_unique" on "line_item_tax_line" ("item_id", "code");`);

    this.addSql(`create table "line_item_adjustment" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "item_id" varchar(64) not null, "description" text not null, "discount_id" varchar(64) null, "amount" double precision not null, "metadata" jsonb null, constraint "line_item_adjustment_pkey" primary key ("id"));`);
    this.addSql(`create index "line_item_adjustment_item_id_index" on "line_item_adjustment" ("item_id");`);
    this.addSql(`create index "line_item_adjustment_discount_id_index" on "line_item_adjustment" ("discount_id");`);

    this.addSql(`create table "fulfillment_item" ("fulfillment_id" varchar(64) not null, "item_id" varchar(64) not null, "quantity" int not null, constraint "fulfillment_item_pkey" primary key ("fulfillment_id", "item_id"));`);
    this.addSql(`create index "fulfillment_item_item_id_index" on "fulfillment_item" ("item_id");`);

    this.addSql(`create table "draft_order" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "status" text check ("status" in ('open', 'completed')) not null default 'open', "display_id" serial, "cart_id" varchar(64) null, "order_id" varchar(64) null, "canceled_at" timestamptz null, "completed_at" timestamptz null, "no_notification_order" boolean null, "idempotency_key" text null, "metadata" jsonb null, constraint "draft_order_pkey" primary key ("id"));`);
    this.addSql(`create index "draft_order_status_index" on "draft_order" ("status");`);
    this.addSql(`alter table "draft_order" add constraint "draft_order_display_id_unique" unique ("display_id");`);
    this.addSql(`alter table "draft_order" add constraint "draft_order_cart_id_unique" unique ("cart_id");`);
    this.addSql(`alter table "draft_order" add constraint "draft_order_order_id_unique" unique ("order_id");`);
    this.addSql(`create index "draft_order_updated_at_index" on "draft_order" ("updated_at");`);
    this.addSql(`create index "draft_order_created_at_index" on "draft_order" ("created_at");`);

    this.addSql(`create table "cart_gift_cards" ("cart_id" varchar(64) not null, "gift_card_id" varchar(64) not null, constraint "cart_gift_cards_pkey" primary key ("cart_id", "gift_card_id"));`);

    this.addSql(`create table "cart_discounts" ("cart_id" varchar(64) not null, "discount_id" varchar(64) not null, constraint "cart_discounts_pkey" primary key ("cart_id", "discount_id"));`);

    this.addSql(`create table "tracking_link" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "url" text null, "tracking_number" text not null, "fulfillment_id" varchar(64) not null, "idempotency_key" text null, "metadata" jsonb null, constraint "tracking_link_pkey" primary key ("id"));`);
    this.addSql(`create index "tracking_link_fulfillment_id_index" on "tracking_link" ("fulfillment_id");`);

    this.addSql(`alter table "payment_collection" add constraint "payment_collection_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade;`);
    this.addSql(`alter table "payment_collection" add constraint "payment_collection_currency_code_foreign" foreign key ("currency_code") references "currency" ("code") on update cascade;`);

    this.addSql(`alter table "cart" add constraint "cart_billing_address_id_foreign" foreign key ("billing_address_id") references "address" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "cart" add constraint "cart_shipping_address_id_foreign" foreign key ("shipping_address_id") references "address" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "cart" add constraint "cart_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade;`);
    this.addSql(`alter table "cart" add constraint "cart_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "cart" add constraint "cart_sales_channel_id_foreign" foreign key ("sales_channel_id") references "sales_channel" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "payment_session" add constraint "payment_session_cart_id_foreign" foreign key ("cart_id") references "cart" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "payment_collection_sessions" add constraint "payment_collection_sessions_payment_collection_id_foreign" foreign key ("payment_collection_id") references "payment_collection" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "payment_collection_sessions" add constraint "payment_collection_sessions_payment_session_id_foreign" foreign key ("payment_session_id") references "payment_session" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "order" add constraint "order_cart_id_foreign" foreign key ("cart_id") references "cart" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "order" add constraint "order_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
    this.addSql(`alter table "order" add constraint "order_billing_address_id_foreign" foreign key ("billing_address_id") references "address" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "order" add constraint "order_shipping_address_id_foreign" foreign key ("shipping_address_id") references "address" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "order" add constraint "order_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade;`);
    this.addSql(`alter table "order" add constraint "order_currency_code_foreign" foreign key ("currency_code") references "currency" ("code") on update cascade;`);
    this.addSql(`alter table "order" add constraint "order_sales_channel_id_foreign" foreign key ("sales_channel_id") references "sales_channel" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "shipping_method" add constraint "shipping_method_shipping_option_id_foreign" foreign key ("shipping_option_id") references "shipping_option" ("id") on update cascade;`);
    this.addSql(`alter table "shipping_method" add constraint "shipping_method_order_id_foreign" foreign key ("order_id") references "order" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "shipping_method" add constraint "shipping_method_cart_id_foreign" foreign key ("cart_id") references "cart" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "shipping_method_tax_line" add constraint "shipping_method_tax_line_shipping_method_id_foreign" foreign key ("shipping_method_id") references "shipping_method" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "payment" add constraint "payment_cart_id_foreign" foreign key ("cart_id") references "cart" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "payment" add constraint "payment_order_id_foreign" foreign key ("order_id") references "order" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "payment" add constraint "payment_currency_code_foreign" foreign key ("currency_code") references "currency" ("code") on update cascade;`);

    this.addSql(`alter table "refund" add constraint "refund_order_id_foreign" foreign key ("order_id") references "order" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "refund" add constraint "refund_payment_id_foreign" foreign key ("payment_id") references "payment" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "payment_collection_payments" add constraint "payment_collection_payments_payment_collection_id_foreign" foreign key ("payment_collection_id") references "payment_collection" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "payment_collection_payments" add constraint "payment_collection_payments_payment_id_foreign" foreign key ("payment_id") references "payment" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "order_gift_cards" add constraint "order_gift_cards_order_id_foreign" foreign key ("order_id") references "order" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "order_gift_cards" add constraint "order_gift_cards_gift_card_id_foreign" foreign key ("gift_card_id") references "gift_card" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "order_discounts" add constraint "order_discounts_order_id_foreign" foreign key ("order_id") references "order" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "order_discounts" add constraint "order_discounts_discount_id_foreign" foreign key ("discount_id") references "discount" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "gift_card_transaction" add constraint "gift_card_transaction_gift_card_id_foreign" foreign key ("gift_card_id") references "gift_card" ("id") on update cascade;`);
    this.addSql(`alter table "gift_card_transaction" add constraint "gift_card_transaction_order_id_foreign" foreign key ("order_id") references "order" ("id") on update cascade;`);

    this.addSql(`alter table "fulfillment" add constraint "fulfillment_order_id_foreign" foreign key ("order_id") references "order" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "fulfillment" add constraint "fulfillment_provider_id_foreign" foreign key ("provider_id") references "fulfillment_provider" ("id") on update cascade;`);

    this.addSql(`alter table "line_item" add constraint "line_item_cart_id_foreign" foreign key ("cart_id") references "cart" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "line_item" add constraint "line_item_order_id_foreign" foreign key ("order_id") references "order" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "line_item" add constraint "line_item_variant_id_foreign" foreign key ("variant_id") references "product_variant" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "line_item_tax_line" add constraint "line_item_tax_line_item_id_foreign" foreign key ("item_id") references "line_item" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "line_item_adjustment" add constraint "line_item_adjustment_item_id_foreign" foreign key ("item_id") references "line_item" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "line_item_adjustment" add constraint "line_item_adjustment_discount_id_foreign" foreign key ("discount_id") references "discount" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "fulfillment_item" add constraint "fulfillment_item_fulfillment_id_foreign" foreign key ("fulfillment_id") references "fulfillment" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "fulfillment_item" add constraint "fulfillment_item_item_id_foreign" foreign key ("item_id") references "line_item" ("id") on update cascade;`);

    this.addSql(`alter table "draft_order" add constraint "draft_order_cart_id_foreign" foreign key ("cart_id") references "cart" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "draft_order" add constraint "draft_order_order_id_foreign" foreign key ("order_id") references "order" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "cart_gift_cards" add constraint "cart_gift_cards_cart_id_foreign" foreign key ("cart_id") references "cart" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "cart_gift_cards" add constraint "cart_gift_cards_gift_card_id_foreign" foreign key ("gift_card_id") references "gift_card" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "cart_discounts" add constraint "cart_discounts_cart_id_foreign" foreign key ("cart_id") references "cart" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "cart_discounts" add constraint "cart_discounts_discount_id_foreign" foreign key ("discount_id") references "discount" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "tracking_link" add constraint "tracking_link_fulfillment_id_foreign" foreign key ("fulfillment_id") references "fulfillment" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "payment_collection_sessions" drop constraint "payment_collection_sessions_payment_collection_id_foreign";`);

    this.addSql(`alter table "payment_collection_payments" drop constraint "payment_collection_payments_payment_collection_id_foreign";`);

    this.addSql(`alter table "payment_session" drop constraint "payment_session_cart_id_foreign";`);

    this.addSql(`alter table "order" drop constraint "order_cart_id_foreign";`);

    this.addSql(`alter table "shipping_method" drop constraint "shipping_method_cart_id_foreign";`);

    this.addSql(`alter table "payment" drop constraint "payment_cart_id_foreign";`);

    this.addSql(`alter table "line_item" drop constraint "line_item_cart_id_foreign";`);

    this.addSql(`alter table "draft_order" drop constraint "draft_order_cart_id_foreign";`);

    this.addSql(`alter table "cart_gift_cards" drop constraint "cart_gift_cards_cart_id_foreign";`);

    this.addSql(`alter table "cart_discounts" drop constraint "cart_discounts_cart_id_foreign";`);

    this.addSql(`alter table "payment_collection_sessions" drop constraint "payment_collection_sessions_payment_session_id_foreign";`);

    this.addSql(`alter table "shipping_method" drop constraint "shipping_method_order_id_foreign";`);

    this.addSql(`alter table "payment" drop constraint "payment_order_id_foreign";`);

    this.addSql(`alter table "refund" drop constraint "refund_order_id_foreign";`);

    this.addSql(`alter table "order_gift_cards" drop constraint "order_gift_cards_order_id_foreign";`);

    this.addSql(`alter table "order_discounts" drop constraint "order_discounts_order_id_foreign";`);

    this.addSql(`alter table "gift_card_transaction" drop constraint "gift_card_transaction_order_id_foreign";`);

    this.addSql(`alter table "fulfillment" drop constraint "fulfillment_order_id_foreign";`);

    this.addSql(`alter table "line_item" drop constraint "line_item_order_id_foreign";`);

    this.addSql(`alter table "draft_order" drop constraint "draft_order_order_id_foreign";`);

    this.addSql(`alter table "shipping_method_tax_line" drop constraint "shipping_method_tax_line_shipping_method_id_foreign";`);

    this.addSql(`alter table "refund" drop constraint "refund_payment_id_foreign";`);

    this.addSql(`alter table "payment_collection_payments" drop constraint "payment_collection_payments_payment_id_foreign";`);

    this.addSql(`alter table "fulfillment_item" drop constraint "fulfillment_item_fulfillment_id_foreign";`);

    this.addSql(`alter table "tracking_link" drop constraint "tracking_link_fulfillment_id_foreign";`);

    this.addSql(`alter table "line_item_tax_line" drop constraint "line_item_tax_line_item_id_foreign";`);

    this.addSql(`alter table "line_item_adjustment" drop constraint "line_item_adjustment_item_id_foreign";`);

    this.addSql(`alter table "fulfillment_item" drop constraint "fulfillment_item_item_id_foreign";`);

    this.addSql(`drop table if exists "payment_collection" cascade;`);

    this.addSql(`drop table if exists "cart" cascade;`);

    this.addSql(`drop table if exists "payment_session" cascade;`);

    this.addSql(`drop table if exists "payment_collection_sessions" cascade;`);

    this.addSql(`drop table if exists "order" cascade;`);

    this.addSql(`drop table if exists "shipping_method" cascade;`);

    this.addSql(`drop table if exists "shipping_method_tax_line" cascade;`);

    this.addSql(`drop table if exists "payment" cascade;`);

    this.addSql(`drop table if exists "refund" cascade;`);

    this.addSql(`drop table if exists "payment_collection_payments" cascade;`);

    this.addSql(`drop table if exists "order_gift_cards" cascade;`);

    this.addSql(`drop table if exists "order_discounts" cascade;`);

    this.addSql(`drop table if exists "gift_card_transaction" cascade;`);

    this.addSql(`drop table if exists "fulfillment" cascade;`);

    this.addSql(`drop table if exists "line_item" cascade;`);

    this.addSql(`drop table if exists "line_item_tax_line" cascade;`);

    this.addSql(`drop table if exists "line_item_adjustment" cascade;`);

    this.addSql(`drop table if exists "fulfillment_item" cascade;`);

    this.addSql(`drop table if exists "draft_order" cascade;`);

    this.addSql(`drop table if exists "cart_gift_cards" cascade;`);

    this.addSql(`drop table if exists "cart_discounts" cascade;`);

    this.addSql(`drop table if exists "tracking_link" cascade;`);
  }

}
