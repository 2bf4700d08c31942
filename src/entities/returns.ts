import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKeyProp, Property, Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { BaseEntity, MetadataField, Metadata } from './base';
import { LineItem, Order } from './orders';
import { ReturnReason } from './return-reasons';

/*
 * Returns as Medusa v1 has them: items of an order (or of a swap or claim: plain id columns, as the
 * line items keep them) sent back by the customer, requested, then received (with a refund and a
 * restock) or canceled. The return's shipping method is a `shipping_method` row whose `return_id`
 * names it.
 */

export enum ReturnStatus { requested = 'requested', received = 'received', requires_action = 'requires_action', canceled = 'canceled' }
registerEnumType(ReturnStatus, { name: 'ReturnStatus' });

@ObjectType({ description: 'Items of an order the customer sends back: requested, then received (refunded, restocked) or canceled.' })
@Entity({ tableName: 'return' })
@Index({ properties: ['createdAt'] })
@Index({ properties: ['updatedAt'] })
export class Return extends BaseEntity {
  static idPrefix = 'ret';

  @Field(() => ReturnStatus)
  @Enum({ items: () => ReturnStatus, default: ReturnStatus.requested, index: true })
  status: Opt<ReturnStatus> = ReturnStatus.requested;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true, index: true })
  swapId?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true, index: true })
  claimOrderId?: string | null = null;

  /** The order whose items come back; a swap's return keeps it too (to lock it) but answers none, as in Medusa. */
  @ManyToOne(() => Order, { fieldName: 'order_id', nullable: true, index: true })
  order?: Rel<Order> | null = null;
  @Field(() => String, { nullable: true }) get orderId(): string | null { return this.swapId ? null : this.order?.id ?? null; }

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true, index: true })
  locationId?: string | null = null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'What the fulfillment provider answered for the return shipment.' })
  @Property({ type: 'json', nullable: true })
  shippingData?: Record<string, unknown> | null = null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  refundAmount!: number;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  receivedAt?: Date | null = null;

  @Field(() => Boolean, { nullable: true })
  @Property({ type: 'boolean', nullable: true })
  noNotification?: boolean | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  idempotencyKey?: string | null = null;

  @MetadataField() metadata?: Metadata = null;
}

@ObjectType({ description: 'A quantity of a line item in a return: requested and received, with its reason and note.' })
@Entity({ tableName: 'return_item' })
export class ReturnItem {
  [PrimaryKeyProp]?: ['returnOrder', 'item'];

  @ManyToOne(() => Return, { fieldName: 'return_id', primary: true, deleteRule: 'cascade' })
  returnOrder!: Rel<Return>;
  @Field(() => String) get returnId(): string { return this.returnOrder.id; }

  @ManyToOne(() => LineItem, { fieldName: 'item_id', primary: true, index: true })
  item!: Rel<LineItem>;
  @Field(() => String) get itemId(): string { return this.item.id; }

  @Field(() => Int)
  @Property({ type: 'integer' })
  quantity!: number;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  isRequested: Opt<boolean> = true;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  requestedQuantity?: number | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  receivedQuantity?: number | null = null;

  @ManyToOne(() => ReturnReason, { fieldName: 'reason_id', nullable: true, index: true })
  reason?: Rel<ReturnReason> | null = null;
  @Field(() => String, { nullable: true }) get reasonId(): string | null { return this.reason?.id ?? null; }

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note?: string | null = null;

  @MetadataField() metadata?: Metadata = null;
}
