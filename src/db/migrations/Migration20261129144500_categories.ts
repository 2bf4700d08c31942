import { Migration } from '@mikro-orm/migrations';

/** Indexes for the category list's filters (is_active, is_internal) and its default order (rank). */
export class Migration20261129144500_categories extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "product_category_is_internal_index" on "product_category" ("is_internal");`);
    this.addSql(`create index "product_category_is_active_index" on "product_category" ("is_active");`);
    this.addSql(`create index "product_category_rank_index" on "product_category" ("rank");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "product_category_is_internal_index";`);
    this.addSql(`drop index if exists "product_category_is_active_index";`);
    this.addSql(`drop index if exists "product_category_rank_index";`);
  }

}
