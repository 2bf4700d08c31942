import { Migration } from '@mikro-orm/migrations';

/** A shipping option's region becomes a foreign key, now that regions exist. */
export class Migration20261129142450_shipping_option_region extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "shipping_option" add constraint "shipping_option_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "shipping_option" drop constraint "shipping_option_region_id_foreign";`);
  }

}
