import { Collection, Entity, Enum, Index, ManyToMany, ManyToOne, OneToMany, Opt, Property, Rel, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity, MetadataField, Metadata, SoftDeletable } from './base';
import { Region } from './regions';
import { Product } from './products';
import { ProductType } from './product-types';
import { ProductCollection } from './collections';
import { ProductTag } from './product-tags';
import { CustomerGroup } from './customer-groups';

export enum DiscountRuleType {
  fixed = 'fixed',
  percentage = 'percentage',
  free_shipping = 'free_shipping',
}
registerEnumType(DiscountRuleType, { name: 'DiscountRuleType', description: 'How a discount is computed: a fixed amount, a percentage, or free shipping.' });

export enum DiscountAllocation {
  total = 'total',
  item = 'item',
}
registerEnumType(DiscountAllocation, { name: 'DiscountAllocation', description: 'Whether the value applies to the cart total or to each item.' });

export enum DiscountConditionType {
  products = 'products',
  product_types = 'product_types',
  product_collections = 'product_collections',
  product_tags = 'product_tags',
  customer_groups = 'customer_groups',
}
registerEnumType(DiscountConditionType, { name: 'DiscountConditionType', description: 'The kind of resource a discount condition lists.' });

export enum DiscountConditionOperator {
  in = 'in',
  not_in = 'not_in',
}
registerEnumType(DiscountConditionOperator, { name: 'DiscountConditionOperator', description: 'Whether the discount applies to the listed resources only, or to all but them.' });

@ObjectType({ description: 'How a discount is computed; dynamic codes share their parent\'s rule.' })
@Entity({ tableName: 'discount_rule' })
export class DiscountRule extends SoftDeletable {
  static idPrefix = 'dru';

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  description?: string | null = null;

  @Field(() => DiscountRuleType)
  @Enum({ items: () => DiscountRuleType })
  type!: DiscountRuleType;

  @Field(() => Int, { description: 'A percentage (0-100), or an amount in minor units for fixed discounts.' })
  @Property({ type: 'integer' })
  value!: number;

  @Field(() => DiscountAllocation, { nullable: true })
  @Enum({ items: () => DiscountAllocation, nullable: true })
  allocation?: DiscountAllocation | null = null;

  @MetadataField()
  metadata?: Metadata = null;

  @OneToMany(() => DiscountCondition, (c) => c.discountRule)
  conditions = new Collection<DiscountCondition>(this);
}

@ObjectType({ description: 'A discount code with its rule, validity window, usage limit and regions.' })
@Entity({ tableName: 'discount' })
// Codes (stored upper-case) are unique among live discounts, so a deleted discount's code is free again.
@Index({ name: 'discount_code_unique', expression: 'create unique index "discount_code_unique" on "discount" ("code") where "deleted_at" is null' })
@Index({ properties: ['createdAt'] })
@Index({ properties: ['updatedAt'] })
@Index({ properties: ['startsAt'] })
@Index({ properties: ['endsAt'] })
@Index({ properties: ['isDynamic'] })
@Index({ properties: ['isDisabled'] })
export class Discount extends SoftDeletable {
  static idPrefix = 'disc';

  @Field()
  @Property({ type: 'string' })
  code!: string;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  isDynamic: Opt<boolean> = false;

  @ManyToOne(() => DiscountRule, { fieldName: 'rule_id', nullable: true, index: true })
  rule?: Rel<DiscountRule> | null = null;

  // The foreign key, read from the (possibly unloaded) reference: no query needed.
  @Field(() => String, { nullable: true })
  get ruleId(): string | null {
    return this.rule?.id ?? null;
  }

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  isDisabled: Opt<boolean> = false;

  @ManyToOne(() => Discount, { fieldName: 'parent_discount_id', nullable: true, index: true })
  parentDiscount?: Rel<Discount> | null = null;

  @Field(() => String, { nullable: true })
  get parentDiscountId(): string | null {
    return this.parentDiscount?.id ?? null;
  }

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  startsAt: Opt<Date> = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  endsAt?: Date | null = null;

  @Field(() => String, { nullable: true, description: 'An ISO 8601 duration; a dynamic code expires that long after its creation.' })
  @Property({ type: 'string', nullable: true })
  validDuration?: string | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  usageLimit?: number | null = null;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  usageCount: Opt<number> = 0;

  @MetadataField()
  metadata?: Metadata = null;

  @ManyToMany({ entity: () => Region, pivotTable: 'discount_regions', joinColumn: 'discount_id', inverseJoinColumn: 'region_id' })
  regions = new Collection<Region>(this);
}

@ObjectType({ description: 'Restricts a discount rule to (or away from) products, types, collections, tags or customer groups.' })
@Entity({ tableName: 'discount_condition' })
// One condition per kind and operator on a rule, as Medusa: further resources go into that condition.
@Unique({ name: 'discount_condition_type_operator_rule_unique', properties: ['type', 'operator', 'discountRule'] })
export class DiscountCondition extends BaseEntity {
  static idPrefix = 'discon';

  @Field(() => DiscountConditionType)
  @Enum({ items: () => DiscountConditionType })
  type!: DiscountConditionType;

  @Field(() => DiscountConditionOperator)
  @Enum({ items: () => DiscountConditionOperator })
  operator!: DiscountConditionOperator;

  @ManyToOne(() => DiscountRule, { fieldName: 'discount_rule_id', deleteRule: 'cascade', index: true })
  discountRule!: Rel<DiscountRule>;

  @Field(() => String)
  get discountRuleId(): Opt<string> {
    return this.discountRule.id;
  }

  /** Conditions are removed for good (as Medusa does); the column keeps Medusa's shape. */
  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  deletedAt?: Date | null = null;

  @MetadataField()
  metadata?: Metadata = null;

  // One link table per kind, as Medusa's; only the one matching `type` is ever filled.
  @ManyToMany({ entity: () => Product, pivotTable: 'discount_condition_product', joinColumn: 'condition_id', inverseJoinColumn: 'product_id' })
  products = new Collection<Product>(this);

  @ManyToMany({ entity: () => ProductType, pivotTable: 'discount_condition_product_type', joinColumn: 'condition_id', inverseJoinColumn: 'product_type_id' })
  productTypes = new Collection<ProductType>(this);

  @ManyToMany({ entity: () => ProductCollection, pivotTable: 'discount_condition_product_collection', joinColumn: 'condition_id', inverseJoinColumn: 'product_collection_id' })
  productCollections = new Collection<ProductCollection>(this);

  @ManyToMany({ entity: () => ProductTag, pivotTable: 'discount_condition_product_tag', joinColumn: 'condition_id', inverseJoinColumn: 'product_tag_id' })
  productTags = new Collection<ProductTag>(this);

  @ManyToMany({ entity: () => CustomerGroup, pivotTable: 'discount_condition_customer_group', joinColumn: 'condition_id', inverseJoinColumn: 'customer_group_id' })
  customerGroups = new Collection<CustomerGroup>(this);
}
