import { Migration } from '@mikro-orm/migrations';

/** Indexes for the sales-channel list's description filter and is_disabled order. */
export class Migration20261129144501_sales_channels extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "sales_channel_is_disabled_index" on "sales_channel" ("is_disabled");`);
    this.addSql(`create index "sales_channel_description_index" on "sales_channel" ("description");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "sales_channel_is_disabled_index";`);
    this.addSql(`drop index if exists "sales_channel_description_index";`);
  }

}
