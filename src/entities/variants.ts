import { Collection, Entity, Opt, Index, ManyToOne, OneToMany, Property, Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { MetadataField, Metadata, ShippableEntity, SoftDeletable } from './base';
import { Currency } from './currencies';
import { Region } from './regions';
import { PriceList } from './price-lists';
import { Product, ProductOptionValue } from './products';

/** Unique among live variants only, so a deleted variant's codes are free again. */
const liveUnique = (column: string) => ({
  name: `product_variant_${column}_unique`,
  expression: `create unique index "product_variant_${column}_unique" on "product_variant" ("${column}") where "deleted_at" is null`,
});

@ObjectType({ description: 'A purchasable version of a product: one value per product option, its own prices and stock.', simpleResolvers: true })
@Entity({ tableName: 'product_variant' })
@Index(liveUnique('sku'))
@Index(liveUnique('barcode'))
@Index(liveUnique('ean'))
@Index(liveUnique('upc'))
@Index({ properties: ['createdAt'] })
@Index({ properties: ['updatedAt'] })
@Index({ properties: ['title'] })
@Index({ properties: ['inventoryQuantity'] })
// Every other column the variant lists may be ordered by (Medusa allows them all).
@Index({ properties: ['variantRank'] })
@Index({ properties: ['allowBackorder'] })
@Index({ properties: ['manageInventory'] })
@Index({ properties: ['hsCode'] })
@Index({ properties: ['originCountry'] })
@Index({ properties: ['midCode'] })
@Index({ properties: ['material'] })
@Index({ properties: ['weight'] })
@Index({ properties: ['length'] })
@Index({ properties: ['height'] })
@Index({ properties: ['width'] })
export class ProductVariant extends ShippableEntity {
  static idPrefix = 'variant';

  @Field()
  @Property({ type: 'string' })
  title!: string;

  @ManyToOne(() => Product, { fieldName: 'product_id', index: true })
  product!: Rel<Product>;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  sku?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  barcode?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  ean?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  upc?: string | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true, default: 0 })
  variantRank?: number | null = 0;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  inventoryQuantity: Opt<number> = 0;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  allowBackorder: Opt<boolean> = false;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  manageInventory: Opt<boolean> = true;









  @MetadataField()
  metadata?: Metadata = null;

  @OneToMany(() => ProductOptionValue, (v) => v.variant)
  options = new Collection<ProductOptionValue>(this);

  @OneToMany('MoneyAmount', 'variant')
  prices = new Collection<MoneyAmount>(this);

  @Field(() => String)
  get productId(): Opt<string> {
    return this.product.id;
  }
}

@ObjectType({ description: 'A price: an amount in minor units of a currency (or of a region\'s currency), for a quantity range.', simpleResolvers: true })
@Entity({ tableName: 'money_amount' })
export class MoneyAmount extends SoftDeletable {
  static idPrefix = 'ma';

  @ManyToOne(() => Currency, { fieldName: 'currency_code', index: true })
  currency!: Rel<Currency>;

  @Field(() => Int)
  @Property({ type: 'integer' })
  amount!: number;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  minQuantity?: number | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  maxQuantity?: number | null = null;

  @ManyToOne(() => Region, { fieldName: 'region_id', nullable: true, index: true })
  region?: Rel<Region> | null = null;

  /** Set when the price belongs to a price list rather than being the variant's own price. */
  @ManyToOne(() => PriceList, { fieldName: 'price_list_id', nullable: true, index: true, deleteRule: 'cascade' })
  priceList?: Rel<PriceList> | null = null;

  @Field(() => String, { nullable: true })
  get priceListId(): Opt<string> | null {
    return this.priceList?.id ?? null;
  }

  @ManyToOne(() => ProductVariant, { fieldName: 'variant_id', nullable: true, index: true })
  variant?: Rel<ProductVariant> | null = null;

  @Field(() => String)
  get currencyCode(): Opt<string> {
    return this.currency.code;
  }

  @Field(() => String, { nullable: true })
  get regionId(): Opt<string> | null {
    return this.region?.id ?? null;
  }

  @Field(() => String, { nullable: true })
  get variantId(): Opt<string> | null {
    return this.variant?.id ?? null;
  }
}

