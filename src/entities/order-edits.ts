import { Entity, Enum, Index, ManyToOne, Property, Rel, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity, SoftDeletable } from './base';
import { LineItem, Order } from './orders';
import { PaymentCollection } from './payment-collections';

/*
 * Order edits as Medusa v1 has them: an edit holds copies of the order's line items (line items
 * whose `order_edit_id` is the edit's, `original_item_id` the order line copied) and one change
 * row per line added, updated or removed. Confirming puts the edit's lines on the order.
 */

export enum OrderEditStatus { created = 'created', requested = 'requested', confirmed = 'confirmed', declined = 'declined', canceled = 'canceled' }
export enum OrderItemChangeType { item_add = 'item_add', item_remove = 'item_remove', item_update = 'item_update' }
registerEnumType(OrderEditStatus, { name: 'OrderEditStatus' });
registerEnumType(OrderItemChangeType, { name: 'OrderItemChangeType' });

@ObjectType({ description: 'A change of an order\'s items in preparation: requested, then confirmed (or declined, or canceled).' })
@Entity({ tableName: 'order_edit' })
@Index({ properties: ['createdAt'] })
export class OrderEdit extends BaseEntity {
  static idPrefix = 'oe';

  @ManyToOne(() => Order, { fieldName: 'order_id', index: true })
  order!: Rel<Order>;
  @Field(() => String) get orderId(): string { return this.order.id; }

  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) internalNote?: string | null = null;
  @Field(() => String) @Property({ type: 'text' }) createdBy!: string;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) requestedBy?: string | null = null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'timestamptz', nullable: true }) requestedAt?: Date | null = null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) confirmedBy?: string | null = null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'timestamptz', nullable: true }) confirmedAt?: Date | null = null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) declinedBy?: string | null = null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) declinedReason?: string | null = null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'timestamptz', nullable: true }) declinedAt?: Date | null = null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) canceledBy?: string | null = null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'timestamptz', nullable: true }) canceledAt?: Date | null = null;

  @ManyToOne(() => PaymentCollection, { fieldName: 'payment_collection_id', nullable: true, deleteRule: 'set null', index: true })
  paymentCollection?: Rel<PaymentCollection> | null = null;
  @Field(() => String, { nullable: true }) get paymentCollectionId(): string | null { return this.paymentCollection?.id ?? null; }

  /** As Medusa derives it from the time stamps: the last step taken wins. */
  @Field(() => OrderEditStatus)
  get status(): OrderEditStatus {
    if (this.canceledAt) return OrderEditStatus.canceled;
    if (this.confirmedAt) return OrderEditStatus.confirmed;
    if (this.declinedAt) return OrderEditStatus.declined;
    if (this.requestedAt) return OrderEditStatus.requested;
    return OrderEditStatus.created;
  }
}

@ObjectType({ description: 'One change of an order edit: a line added, a line\'s quantity updated, or a line removed.' })
@Entity({ tableName: 'order_item_change' })
@Unique({ properties: ['orderEdit', 'originalLineItem'] })
@Unique({ properties: ['orderEdit', 'lineItem'] })
@Index({ properties: ['createdAt'] })
export class OrderItemChange extends SoftDeletable {
  static idPrefix = 'oic';

  @Field(() => OrderItemChangeType)
  @Enum({ items: () => OrderItemChangeType })
  type!: OrderItemChangeType;

  @ManyToOne(() => OrderEdit, { fieldName: 'order_edit_id', deleteRule: 'cascade', index: true })
  orderEdit!: Rel<OrderEdit>;
  @Field(() => String) get orderEditId(): string { return this.orderEdit.id; }

  /** The order's line the change is about (none for an added line). */
  @ManyToOne(() => LineItem, { fieldName: 'original_line_item_id', nullable: true, deleteRule: 'set null', index: true })
  originalLineItem?: Rel<LineItem> | null = null;
  @Field(() => String, { nullable: true }) get originalLineItemId(): string | null { return this.originalLineItem?.id ?? null; }

  /** The edit's line (none for a removed line); deleting the line deletes the change. */
  @ManyToOne(() => LineItem, { fieldName: 'line_item_id', nullable: true, deleteRule: 'cascade', index: true })
  lineItem?: Rel<LineItem> | null = null;
  @Field(() => String, { nullable: true }) get lineItemId(): string | null { return this.lineItem?.id ?? null; }
}
