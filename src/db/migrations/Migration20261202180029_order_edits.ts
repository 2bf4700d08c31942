import { Migration } from '@mikro-orm/migrations';

export class Migration20261202180029_order_edits extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "order_edit" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "order_id" varchar(64) not null, "internal_note" text null, "created_by" text not null, "requested_by" text null, "requested_at" timestamptz null, "confirmed_by" text null, "confirmed_at" timestamptz null, "declined_by" text null, "declined_reason" text null, "declined_at" timestamptz null, "canceled_by" text null, "canceled_at" timestamptz null, "payment_collection_id" varchar(64) null, constraint "order_edit_pkey" primary key ("id"));`);
    this.addSql(`create index "order_edit_order_id_index" on "order_edit" ("order_id");`);
    this.addSql(`create index "order_edit_payment_collection_id_index" on "order_edit" ("payment_collection_id");`);
    this.addSql(`create index "order_edit_created_at_index" on "order_edit" ("created_at");`);

    this.addSql(`create table "order_item_change" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "type" text check ("type" in ('item_add', 'item_remove', 'item_update')) not null, "order_edit_id" varchar(64) not null, "original_line_item_id" varchar(64) null, "line_item_id" varchar(64) null, constraint "order_item_change_pkey" primary key ("id"));`);
    this.addSql(`create index "order_item_change_order_edit_id_index" on "order_item_change" ("order_edit_id");`);
    this.addSql(`create index "order_item_change_original_line_item_id_index" on "order_item_change" ("original_line_item_id");`);
    this.addSql(`create index "order_item_change_line_item_id_index" on "order_item_change" ("line_item_id");`);
    this.addSql(`create index "order_item_change_created_at_index" on "order_item_change" ("created_at");`);
    this.addSql(`alter table "order_item_change" add constraint "order_item_change_order_edit_id_line_item_id_unique" unique ("order_edit_id", "line_item_id");`);
    this.addSql(`alter table "order_item_change" add constraint "order_item_change_order_edit_id_original_line_item_id_unique" unique ("order_edit_id", "original_line_item_id");`);

    this.addSql(`alter table "order_edit" add constraint "order_edit_order_id_foreign" foreign key ("order_id") references "order" ("id") on update cascade;`);
    this.addSql(`alter table "order_edit" add constraint "order_edit_payment_collection_id_foreign" foreign key ("payment_collection_id") references "payment_collection" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "order_item_change" add constraint "order_item_change_order_edit_id_foreign" foreign key ("order_edit_id") references "order_edit" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "order_item_change" add constraint "order_item_change_original_line_item_id_foreign" foreign key ("original_line_item_id") references "line_item" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "order_item_change" add constraint "order_item_change_line_item_id_foreign" foreign key ("line_item_id") references "line_item" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "order_item_change" drop constraint "order_item_change_order_edit_id_foreign";`);

    this.addSql(`drop table if exists "order_edit" cascade;`);

    this.addSql(`drop table if exists "order_item_change" cascade;`);
  }

}
