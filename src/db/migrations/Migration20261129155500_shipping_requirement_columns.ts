import { Migration } from '@mikro-orm/migrations';

/** Medusa's shipping option requirement has no created_at/updated_at: its answers carry only id, shipping_option_id, type, amount and deleted_at. */
export class Migration20261129155500_shipping_requirement_columns extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "shipping_option_requirement" drop column "created_at", drop column "updated_at";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "shipping_option_requirement" add column "created_at" timestamptz not null default now(), add column "updated_at" timestamptz not null default now();`);
  }

}
