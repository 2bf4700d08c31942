import { Migration } from '@mikro-orm/migrations';

/** Notifications and their providers, with the built-in provider that records what it would send. */
export class Migration20261129143100_notifications extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notification_provider" ("id" varchar(255) not null, "is_installed" boolean not null default true, constraint "notification_provider_pkey" primary key ("id"));`);
    this.addSql(`create table "notification" ("id" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "event_name" varchar(255) null, "resource_type" varchar(255) not null, "resource_id" varchar(255) not null, "customer_id" varchar(64) null, "to" varchar(255) not null, "data" jsonb not null, "parent_id" varchar(64) null, "provider_id" varchar(255) null, constraint "notification_pkey" primary key ("id"));`);
    this.addSql(`create index "notification_event_name_index" on "notification" ("event_name");`);
    this.addSql(`create index "notification_resource_type_index" on "notification" ("resource_type");`);
    this.addSql(`create index "notification_resource_id_index" on "notification" ("resource_id");`);
    this.addSql(`create index "notification_customer_id_index" on "notification" ("customer_id");`);
    this.addSql(`create index "notification_to_index" on "notification" ("to");`);
    this.addSql(`create index "notification_parent_id_index" on "notification" ("parent_id");`);
    this.addSql(`create index "notification_created_at_index" on "notification" ("created_at");`);
    this.addSql(`alter table "notification" add constraint "notification_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "notification" add constraint "notification_parent_id_foreign" foreign key ("parent_id") references "notification" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "notification" add constraint "notification_provider_id_foreign" foreign key ("provider_id") references "notification_provider" ("id") on update cascade on delete set null;`);
    this.addSql(`insert into "notification_provider" ("id", "is_installed") values ('local', true);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification" cascade;`);
    this.addSql(`drop table if exists "notification_provider" cascade;`);
  }

}
