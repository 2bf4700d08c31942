import { Collection, Entity, Enum, Index, ManyToMany, ManyToOne, OneToMany, Property, Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MetadataField, Metadata, SoftDeletable } from './base';
import { Address } from './customers';
import { LineItem, Order } from './orders';
import { ProductVariant } from './variants';

/*
 * Claims, named and shaped as Medusa v1's `claim_order`: items of an order the customer reports
 * (missing, wrong, broken), answered with a refund or with replacement items sent through the
 * order fulfilment code. The replacement lines are line items whose `claim_order_id` is the claim;
 * its shipping methods and fulfillments point at it the same way.
 */

export enum ClaimType { refund = 'refund', replace = 'replace' }
export enum ClaimPaymentStatus { na = 'na', not_refunded = 'not_refunded', refunded = 'refunded' }
export enum ClaimFulfillmentStatus {
  not_fulfilled = 'not_fulfilled', partially_fulfilled = 'partially_fulfilled', fulfilled = 'fulfilled',
  partially_shipped = 'partially_shipped', shipped = 'shipped', partially_returned = 'partially_returned',
  returned = 'returned', canceled = 'canceled', requires_action = 'requires_action',
}
export enum ClaimReason { missing_item = 'missing_item', wrong_item = 'wrong_item', production_failure = 'production_failure', other = 'other' }
registerEnumType(ClaimType, { name: 'ClaimType' });
registerEnumType(ClaimPaymentStatus, { name: 'ClaimPaymentStatus' });
registerEnumType(ClaimFulfillmentStatus, { name: 'ClaimFulfillmentStatus' });
registerEnumType(ClaimReason, { name: 'ClaimReason' });

@ObjectType({ description: 'A claim on an order: claimed items answered with a refund or replacement items.' })
@Entity({ tableName: 'claim_order' })
@Index({ properties: ['createdAt'] })
export class ClaimOrder extends SoftDeletable {
  static idPrefix = 'claim';

  @Field(() => ClaimPaymentStatus)
  @Enum({ items: () => ClaimPaymentStatus, default: ClaimPaymentStatus.na })
  paymentStatus: ClaimPaymentStatus = ClaimPaymentStatus.na;

  @Field(() => ClaimFulfillmentStatus)
  @Enum({ items: () => ClaimFulfillmentStatus, default: ClaimFulfillmentStatus.not_fulfilled })
  fulfillmentStatus: ClaimFulfillmentStatus = ClaimFulfillmentStatus.not_fulfilled;

  @Field(() => ClaimType)
  @Enum({ items: () => ClaimType })
  type!: ClaimType;

  @ManyToOne(() => Order, { fieldName: 'order_id', index: true })
  order!: Rel<Order>;
  @Field(() => String) get orderId(): string { return this.order.id; }

  @ManyToOne(() => Address, { fieldName: 'shipping_address_id', nullable: true, deleteRule: 'set null', index: true })
  shippingAddress?: Rel<Address> | null = null;
  @Field(() => String, { nullable: true }) get shippingAddressId(): string | null { return this.shippingAddress?.id ?? null; }

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  refundAmount?: number | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  canceledAt?: Date | null = null;

  @Field(() => Boolean, { nullable: true })
  @Property({ type: 'boolean', nullable: true })
  noNotification?: boolean | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  idempotencyKey?: string | null = null;

  @MetadataField() metadata?: Metadata = null;
}

@ObjectType({ description: 'A tag of claimed items (stored trimmed and lower-cased, shared by value).' })
@Entity({ tableName: 'claim_tag' })
export class ClaimTag extends SoftDeletable {
  static idPrefix = 'ctag';

  @Field()
  @Property({ type: 'text', index: true })
  value!: string;

  @MetadataField() metadata?: Metadata = null;
}

@ObjectType({ description: 'A quantity of an order line claimed, with the reason, a note, tags and images.' })
@Entity({ tableName: 'claim_item' })
export class ClaimItem extends SoftDeletable {
  static idPrefix = 'citm';

  @ManyToOne(() => ClaimOrder, { fieldName: 'claim_order_id', index: true })
  claimOrder!: Rel<ClaimOrder>;
  @Field(() => String) get claimOrderId(): string { return this.claimOrder.id; }

  @ManyToOne(() => LineItem, { fieldName: 'item_id', index: true })
  item!: Rel<LineItem>;
  @Field(() => String) get itemId(): string { return this.item.id; }

  @ManyToOne(() => ProductVariant, { fieldName: 'variant_id', index: true })
  variant!: Rel<ProductVariant>;
  @Field(() => String) get variantId(): string { return this.variant.id; }

  @Field(() => ClaimReason)
  @Enum({ items: () => ClaimReason })
  reason!: ClaimReason;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note?: string | null = null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  quantity!: number;

  @ManyToMany({ entity: () => ClaimTag, pivotTable: 'claim_item_tags', joinColumn: 'item_id', inverseJoinColumn: 'tag_id' })
  tags = new Collection<ClaimTag>(this);

  @OneToMany(() => ClaimImage, (i) => i.claimItem)
  images = new Collection<ClaimImage>(this);

  @MetadataField() metadata?: Metadata = null;
}

@ObjectType({ description: 'A picture of a claimed item.' })
@Entity({ tableName: 'claim_image' })
export class ClaimImage extends SoftDeletable {
  static idPrefix = 'cimg';

  @ManyToOne(() => ClaimItem, { fieldName: 'claim_item_id', index: true })
  claimItem!: Rel<ClaimItem>;
  @Field(() => String) get claimItemId(): string { return this.claimItem.id; }

  @Field()
  @Property({ type: 'text' })
  url!: string;

  @MetadataField() metadata?: Metadata = null;
}

