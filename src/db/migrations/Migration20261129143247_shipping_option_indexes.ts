import { Migration } from '@mikro-orm/migrations';

/** Indexes for every column the shipping option list filters or orders by. */
export class Migration20261129143247_shipping_option_indexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "shipping_option_amount_index" on "shipping_option" ("amount");`);
    this.addSql(`create index "shipping_option_name_index" on "shipping_option" ("name");`);
    this.addSql(`create index "shipping_option_deleted_at_index" on "shipping_option" ("deleted_at");`);
    this.addSql(`create index "shipping_option_updated_at_index" on "shipping_option" ("updated_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "shipping_option_amount_index";`);
    this.addSql(`drop index "shipping_option_name_index";`);
    this.addSql(`drop index "shipping_option_deleted_at_index";`);
    this.addSql(`drop index "shipping_option_updated_at_index";`);
  }

}
