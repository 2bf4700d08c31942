import { Migration } from '@mikro-orm/migrations';

export class Migration20261129142949_price_list_prices extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "money_amount" add column "price_list_id" varchar(64) null;`);
    this.addSql(`alter table "money_amount" add constraint "money_amount_price_list_id_foreign" foreign key ("price_list_id") references "price_list" ("id") on update cascade on delete cascade;`);
    this.addSql(`create index "money_amount_price_list_id_index" on "money_amount" ("price_list_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "money_amount" drop constraint "money_amount_price_list_id_foreign";`);

    this.addSql(`drop index "money_amount_price_list_id_index";`);
    this.addSql(`alter table "money_amount" drop column "price_list_id";`);
  }

}
