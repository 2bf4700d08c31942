import { Collection, Entity, Opt, PrimaryKeyProp, Enum, Index, ManyToMany, ManyToOne, OneToMany, Property, Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MetadataField, Metadata, ShippableEntity, SoftDeletable } from './base';
import { ProductTag } from './product-tags';
import { ProductCollection } from './collections';
import { ProductCategory } from './categories';
import { SalesChannel } from './sales-channels';
import { ShippingProfile } from './shipping-profiles';
import { ProductType } from './product-types';
import type { ProductVariant } from './variants';

export enum ProductStatus {
  draft = 'draft',
  proposed = 'proposed',
  published = 'published',
  rejected = 'rejected',
}
registerEnumType(ProductStatus, { name: 'ProductStatus' });

@ObjectType({ description: 'A product image: a URL that products link to.', simpleResolvers: true })
@Entity({ tableName: 'image' })
export class Image extends SoftDeletable {
  static idPrefix = 'img';

  @Field()
  @Property({ type: 'text' })
  url!: string;

  @MetadataField()
  metadata?: Metadata = null;
}

@ObjectType({ description: 'A product for sale: its catalogue data, options and variants.', simpleResolvers: true })
@Entity({ tableName: 'product' })
// Handles are unique among live products only: a deleted product's handle is free again.
@Index({ name: 'product_handle_unique', expression: 'create unique index "product_handle_unique" on "product" ("handle") where "deleted_at" is null' })
@Index({ properties: ['createdAt'] })
@Index({ properties: ['updatedAt'] })
@Index({ properties: ['deletedAt'] })
@Index({ properties: ['title'] })
@Index({ properties: ['status'] })
@Index({ properties: ['isGiftcard'] })
// Every other column the list may be ordered by (Medusa allows them all).
@Index({ properties: ['subtitle'] })
@Index({ properties: ['externalId'] })
@Index({ properties: ['discountable'] })
@Index({ properties: ['weight'] })
@Index({ properties: ['length'] })
@Index({ properties: ['height'] })
@Index({ properties: ['width'] })
@Index({ properties: ['hsCode'] })
@Index({ properties: ['originCountry'] })
@Index({ properties: ['midCode'] })
@Index({ properties: ['material'] })
export class Product extends ShippableEntity {
  static idPrefix = 'prod';

  @Field()
  @Property({ type: 'string' })
  title!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  subtitle?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  handle?: string | null = null;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  isGiftcard: Opt<boolean> = false;

  @Field(() => ProductStatus)
  @Enum({ items: () => ProductStatus, default: ProductStatus.draft })
  status: Opt<ProductStatus> = ProductStatus.draft;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  thumbnail?: string | null = null;









  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  discountable: Opt<boolean> = true;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  externalId?: string | null = null;

  @MetadataField()
  metadata?: Metadata = null;

  @ManyToOne(() => ProductType, { nullable: true, fieldName: 'type_id', index: true })
  type?: Rel<ProductType> | null = null;

  @ManyToOne(() => ProductCollection, { nullable: true, fieldName: 'collection_id', index: true })
  collection?: Rel<ProductCollection> | null = null;

  // Medusa v1 keeps a single profile per product (`profile_id`); `profiles` lists it as an array.
  @ManyToOne(() => ShippingProfile, { nullable: true, fieldName: 'profile_id', index: true })
  profile?: Rel<ShippingProfile> | null = null;

  @ManyToMany({ entity: () => ProductCategory, pivotEntity: () => ProductCategoryLink })
  categories = new Collection<ProductCategory>(this);

  @ManyToMany({ entity: () => SalesChannel, pivotEntity: () => ProductSalesChannelLink })
  salesChannels = new Collection<SalesChannel>(this);

  @ManyToMany({ entity: () => ProductTag, pivotEntity: () => ProductTagLink })
  tags = new Collection<ProductTag>(this);

  @ManyToMany({ entity: () => Image, pivotTable: 'product_images', joinColumn: 'product_id', inverseJoinColumn: 'image_id' })
  images = new Collection<Image>(this);

  @OneToMany(() => ProductOption, (o) => o.product)
  options = new Collection<ProductOption>(this);

  @OneToMany('ProductVariant', 'product')
  variants = new Collection<ProductVariant>(this);

  // Foreign keys read from the (possibly unloaded) references: no query needed.
  @Field(() => String, { nullable: true })
  get typeId(): Opt<string> | null {
    return this.type?.id ?? null;
  }

  @Field(() => String, { nullable: true })
  get collectionId(): Opt<string> | null {
    return this.collection?.id ?? null;
  }

  @Field(() => String, { nullable: true })
  get profileId(): Opt<string> | null {
    return this.profile?.id ?? null;
  }
}

@ObjectType({ description: 'An option of a product (Size, Color); each variant has one value for it.', simpleResolvers: true })
@Entity({ tableName: 'product_option' })
export class ProductOption extends SoftDeletable {
  static idPrefix = 'opt';

  @Field()
  @Property({ type: 'string' })
  title!: string;

  @ManyToOne(() => Product, { fieldName: 'product_id', index: true })
  product!: Rel<Product>;

  @OneToMany(() => ProductOptionValue, (v) => v.option)
  values = new Collection<ProductOptionValue>(this);

  @MetadataField()
  metadata?: Metadata = null;

  @Field(() => String)
  get productId(): Opt<string> {
    return this.product.id;
  }
}

@ObjectType({ description: 'The value a variant has for one option of its product.', simpleResolvers: true })
@Entity({ tableName: 'product_option_value' })
export class ProductOptionValue extends SoftDeletable {
  static idPrefix = 'optval';

  @Field()
  @Property({ type: 'string' })
  value!: string;

  @ManyToOne(() => ProductOption, { fieldName: 'option_id', index: true })
  option!: Rel<ProductOption>;

  @ManyToOne('ProductVariant', { fieldName: 'variant_id', index: true })
  variant!: Rel<ProductVariant>;

  @MetadataField()
  metadata?: Metadata = null;

  @Field(() => String)
  get optionId(): Opt<string> {
    return this.option.id;
  }

  @Field(() => String)
  get variantId(): Opt<string> {
    return this.variant.id;
  }
}

/*
 * Links of a product to its tags, categories and sales channels. They are entities of their own
 * only so that the far side has an index: the product list filters by tag, category and channel.
 */

@Entity({ tableName: 'product_tags' })
@Index({ properties: ['productTag'] })
export class ProductTagLink {
  [PrimaryKeyProp]?: ['product', 'productTag'];

  @ManyToOne(() => Product, { primary: true, fieldName: 'product_id', deleteRule: 'cascade' })
  product!: Rel<Product>;

  @ManyToOne(() => ProductTag, { primary: true, fieldName: 'product_tag_id', deleteRule: 'cascade' })
  productTag!: Rel<ProductTag>;
}

@Entity({ tableName: 'product_category_product' })
@Index({ properties: ['productCategory'] })
export class ProductCategoryLink {
  [PrimaryKeyProp]?: ['product', 'productCategory'];

  @ManyToOne(() => Product, { primary: true, fieldName: 'product_id', deleteRule: 'cascade' })
  product!: Rel<Product>;

  @ManyToOne(() => ProductCategory, { primary: true, fieldName: 'product_category_id', deleteRule: 'cascade' })
  productCategory!: Rel<ProductCategory>;
}

@Entity({ tableName: 'product_sales_channel' })
@Index({ properties: ['salesChannel'] })
export class ProductSalesChannelLink {
  [PrimaryKeyProp]?: ['product', 'salesChannel'];

  @ManyToOne(() => Product, { primary: true, fieldName: 'product_id', deleteRule: 'cascade' })
  product!: Rel<Product>;

  @ManyToOne(() => SalesChannel, { primary: true, fieldName: 'sales_channel_id', deleteRule: 'cascade' })
  salesChannel!: Rel<SalesChannel>;
}
