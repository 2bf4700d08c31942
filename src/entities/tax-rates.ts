import { Collection, Entity, Index, ManyToMany, ManyToOne, Property, Rel } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { BaseEntity, MetadataField, Metadata } from './base';
import { Region } from './regions';
import { Product } from './products';
import { ProductType } from './product-types';
import { ShippingOption } from './shipping-options';

/**
 * A tax rate of a region that overrides the region's default rate for the products, product types
 * and shipping options it is applied to. Deleted for good, as in Medusa (no `deleted_at`).
 */
@ObjectType({ description: 'A tax rate of a region, applied to products, product types and shipping options.' })
@Entity({ tableName: 'tax_rate' })
@Index({ properties: ['name'] })
@Index({ properties: ['code'] })
@Index({ properties: ['rate'] })
@Index({ properties: ['createdAt'] })
@Index({ properties: ['updatedAt'] })
export class TaxRate extends BaseEntity {
  static idPrefix = 'txr';

  @Field(() => Float, { nullable: true })
  @Property({ type: 'real', nullable: true })
  rate?: number | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  code?: string | null = null;

  @Field()
  @Property({ type: 'string' })
  name!: string;

  @ManyToOne(() => Region, { fieldName: 'region_id', index: true })
  region!: Rel<Region>;

  // The foreign key, read from the (possibly unloaded) reference: no query needed.
  @Field()
  get regionId(): string {
    return this.region.id;
  }

  // Medusa's link tables, owned by the tax rate.
  @ManyToMany({ entity: () => Product, pivotTable: 'product_tax_rate', joinColumn: 'rate_id', inverseJoinColumn: 'product_id' })
  products = new Collection<Product>(this);

  @ManyToMany({ entity: () => ProductType, pivotTable: 'product_type_tax_rate', joinColumn: 'rate_id', inverseJoinColumn: 'product_type_id' })
  productTypes = new Collection<ProductType>(this);

  @ManyToMany({ entity: () => ShippingOption, pivotTable: 'shipping_tax_rate', joinColumn: 'rate_id', inverseJoinColumn: 'shipping_option_id' })
  shippingOptions = new Collection<ShippingOption>(this);

  @MetadataField()
  metadata?: Metadata = null;
}
