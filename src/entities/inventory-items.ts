import { Entity, Index, ManyToOne, Opt, Property, Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, MetadataField, Metadata, ShippableEntity, SoftDeletable } from './base';
import { StockLocation } from './stock-locations';
import { ProductVariant } from './variants';

/**
 * A stock-keeping unit as the warehouse knows it, apart from the catalogue: a variant is sold
 * from one (Medusa creates it with the variant), and its stock is counted per location in
 * inventory levels.
 */
@ObjectType({ description: 'A stock-keeping unit: what is counted in stock, per location, for the variants linked to it.', simpleResolvers: true })
@Entity({ tableName: 'inventory_item' })
// As in Medusa: a SKU names one live item.
@Index({ name: 'inventory_item_sku_unique', expression: 'create unique index "inventory_item_sku_unique" on "inventory_item" ("sku") where "deleted_at" is null' })
@Index({ properties: ['createdAt'] })
@Index({ properties: ['updatedAt'] })
@Index({ properties: ['title'] })
@Index({ properties: ['requiresShipping'] })
@Index({ properties: ['hsCode'] })
@Index({ properties: ['originCountry'] })
@Index({ properties: ['midCode'] })
@Index({ properties: ['material'] })
@Index({ properties: ['weight'] })
@Index({ properties: ['length'] })
@Index({ properties: ['height'] })
@Index({ properties: ['width'] })
export class InventoryItem extends ShippableEntity {
  static idPrefix = 'iitem';

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  sku?: string | null = null;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  requiresShipping: Opt<boolean> = true;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  title?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  thumbnail?: string | null = null;

  @MetadataField()
  metadata?: Metadata = null;
}

/** What is counted per item and location: an inventory level, a reservation. */
@ObjectType()
export abstract class ItemAtLocation extends SoftDeletable {
  @ManyToOne(() => InventoryItem, { fieldName: 'inventory_item_id', index: true })
  inventoryItem!: Rel<InventoryItem>;

  @ManyToOne(() => StockLocation, { fieldName: 'location_id', index: true })
  location!: Rel<StockLocation>;

  @MetadataField()
  metadata?: Metadata = null;

  @Field(() => String)
  get inventoryItemId(): Opt<string> {
    return this.inventoryItem.id;
  }

  @Field(() => String)
  get locationId(): Opt<string> {
    return this.location.id;
  }
}

/**
 * The stock of one item at one location. `reservedQuantity` is always the sum of the live
 * reservations of that item at that location: every write that changes a reservation adjusts it
 * in the same transaction, holding this row's lock (see services/reservations.ts).
 */
@ObjectType({ description: 'The stock of an inventory item at a stock location.', simpleResolvers: true })
@Entity({ tableName: 'inventory_level' })
@Index({ name: 'inventory_level_item_location_unique', expression: 'create unique index "inventory_level_item_location_unique" on "inventory_level" ("inventory_item_id", "location_id") where "deleted_at" is null' })
@Index({ properties: ['createdAt'] })
export class InventoryLevel extends ItemAtLocation {
  static idPrefix = 'ilev';

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  stockedQuantity: Opt<number> = 0;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  reservedQuantity: Opt<number> = 0;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  incomingQuantity: Opt<number> = 0;

  @Field(() => Int, { description: 'stocked − reserved: what can still be sold from here (negative when reservations exceed stock).' })
  get availableQuantity(): Opt<number> {
    return this.stockedQuantity - this.reservedQuantity;
  }
}

/**
 * The link between a variant and the inventory item it is sold from; `requiredQuantity` items
 * make one variant. Removed for good when the variant (or its product) is deleted.
 */
@Entity({ tableName: 'product_variant_inventory_item' })
@Index({ name: 'product_variant_inventory_item_unique', expression: 'create unique index "product_variant_inventory_item_unique" on "product_variant_inventory_item" ("variant_id", "inventory_item_id")' })
export class ProductVariantInventoryItem extends BaseEntity {
  static idPrefix = 'pvitem';

  @ManyToOne(() => ProductVariant, { fieldName: 'variant_id', deleteRule: 'cascade' })
  variant!: Rel<ProductVariant>;

  @ManyToOne(() => InventoryItem, { fieldName: 'inventory_item_id', index: true, deleteRule: 'cascade' })
  inventoryItem!: Rel<InventoryItem>;

  @Property({ type: 'integer', default: 1 })
  requiredQuantity: Opt<number> = 1;
}
