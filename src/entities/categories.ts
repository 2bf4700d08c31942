import { Entity, Index, ManyToOne, Opt, Property, Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, MetadataField, Metadata } from './base';

/**
 * A product category, a node of a tree. As in Medusa v1 categories are deleted for good (no
 * `deleted_at`); `rank` orders siblings densely (0..n-1) and `mpath` is the materialized path
 * (`pcat_root.pcat_child.`) that finds descendants with a prefix match.
 */
@ObjectType({ description: 'A product category; categories form a tree.' })
@Entity({ tableName: 'product_category' })
@Index({ properties: ['parentCategory', 'rank'] })
@Index({ properties: ['rank'] })
@Index({ properties: ['mpath'] })
@Index({ properties: ['isActive'] })
@Index({ properties: ['isInternal'] })
@Index({ properties: ['name'] })
@Index({ properties: ['createdAt'] })
@Index({ properties: ['updatedAt'] })
export class ProductCategory extends BaseEntity {
  static idPrefix = 'pcat';

  @Field()
  @Property({ type: 'string' })
  name!: string;

  @Field(() => String)
  @Property({ type: 'text', default: '' })
  description: Opt<string> = '';

  @Field()
  @Property({ type: 'string', unique: true })
  handle!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  mpath?: string | null = null;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  isActive: Opt<boolean> = false;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  isInternal: Opt<boolean> = false;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  rank: Opt<number> = 0;

  @ManyToOne(() => ProductCategory, { nullable: true, fieldName: 'parent_category_id', deleteRule: 'cascade' })
  parentCategory?: Rel<ProductCategory> | null = null;

  // The foreign key itself, read from the (possibly unloaded) reference: no query needed.
  @Field(() => String, { nullable: true })
  get parentCategoryId(): string | null {
    return this.parentCategory?.id ?? null;
  }

  @MetadataField()
  metadata?: Metadata = null;
}
