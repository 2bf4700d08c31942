import { Migration } from '@mikro-orm/migrations';

/** The far side of the product links, which the product list filters by (tags, channels, categories). */
export class Migration20261129150000_products_indexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "product_tags_product_tag_id_index" on "product_tags" ("product_tag_id");`);
    this.addSql(`create index "product_sales_channel_sales_channel_id_index" on "product_sales_channel" ("sales_channel_id");`);
    this.addSql(`create index "product_category_product_product_category_id_index" on "product_category_product" ("product_category_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "product_tags_product_tag_id_index";`);
    this.addSql(`drop index "product_sales_channel_sales_channel_id_index";`);
    this.addSql(`drop index "product_category_product_product_category_id_index";`);
  }
}
