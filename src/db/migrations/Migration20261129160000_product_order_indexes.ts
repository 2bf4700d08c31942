import { Migration } from '@mikro-orm/migrations';

/** Indexes for every column the product and variant lists may be ordered by. */
export class Migration20261129160000_product_order_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "product_subtitle_index" on "product" ("subtitle");`);
    this.addSql(`create index "product_external_id_index" on "product" ("external_id");`);
    this.addSql(`create index "product_discountable_index" on "product" ("discountable");`);
    this.addSql(`create index "product_weight_index" on "product" ("weight");`);
    this.addSql(`create index "product_length_index" on "product" ("length");`);
    this.addSql(`create index "product_height_index" on "product" ("height");`);
    this.addSql(`create index "product_width_index" on "product" ("width");`);
    this.addSql(`create index "product_hs_code_index" on "product" ("hs_code");`);
    this.addSql(`create index "product_origin_country_index" on "product" ("origin_country");`);
    this.addSql(`create index "product_mid_code_index" on "product" ("mid_code");`);
    this.addSql(`create index "product_material_index" on "product" ("material");`);
    this.addSql(`create index "product_variant_variant_rank_index" on "product_variant" ("variant_rank");`);
    this.addSql(`create index "product_variant_allow_backorder_index" on "product_variant" ("allow_backorder");`);
    this.addSql(`create index "product_variant_manage_inventory_index" on "product_variant" ("manage_inventory");`);
    this.addSql(`create index "product_variant_hs_code_index" on "product_variant" ("hs_code");`);
    this.addSql(`create index "product_variant_origin_country_index" on "product_variant" ("origin_country");`);
    this.addSql(`create index "product_variant_mid_code_index" on "product_variant" ("mid_code");`);
    this.addSql(`create index "product_variant_material_index" on "product_variant" ("material");`);
    this.addSql(`create index "product_variant_weight_index" on "product_variant" ("weight");`);
    this.addSql(`create index "product_variant_length_index" on "product_variant" ("length");`);
    this.addSql(`create index "product_variant_height_index" on "product_variant" ("height");`);
    this.addSql(`create index "product_variant_width_index" on "product_variant" ("width");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "product_subtitle_index";`);
    this.addSql(`drop index if exists "product_external_id_index";`);
    this.addSql(`drop index if exists "product_discountable_index";`);
    this.addSql(`drop index if exists "product_weight_index";`);
    this.addSql(`drop index if exists "product_length_index";`);
    this.addSql(`drop index if exists "product_height_index";`);
    this.addSql(`drop index if exists "product_width_index";`);
    this.addSql(`drop index if exists "product_hs_code_index";`);
    this.addSql(`drop index if exists "product_origin_country_index";`);
    this.addSql(`drop index if exists "product_mid_code_index";`);
    this.addSql(`drop index if exists "product_material_index";`);
    this.addSql(`drop index if exists "product_variant_variant_rank_index";`);
    this.addSql(`drop index if exists "product_variant_allow_backorder_index";`);
    this.addSql(`drop index if exists "product_variant_manage_inventory_index";`);
    this.addSql(`drop index if exists "product_variant_hs_code_index";`);
    this.addSql(`drop index if exists "product_variant_origin_country_index";`);
    this.addSql(`drop index if exists "product_variant_mid_code_index";`);
    this.addSql(`drop index if exists "product_variant_material_index";`);
    this.addSql(`drop index if exists "product_variant_weight_index";`);
    this.addSql(`drop index if exists "product_variant_length_index";`);
    this.addSql(`drop index if exists "product_variant_height_index";`);
    this.addSql(`drop index if exists "product_variant_width_index";`);
  }
}
