import { Entity, Enum, Index, ManyToOne, Opt, Property, Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MetadataField, Metadata, SoftDeletable } from './base';
import { Address } from './customers';
import { Cart, Order } from './orders';
import { ShippingOption } from './shipping-options';

/*
 * Swaps, as Medusa v1's `swap`: items of an order returned in exchange for other items. The new
 * items are line items whose `swap_id` is the swap; they wait in a cart of type `swap` until the
 * customer completes it (Medusa's Store API, which Aegis does not serve), which confirms the swap.
 */

export enum SwapFulfillmentStatus {
  not_fulfilled = 'not_fulfilled', fulfilled = 'fulfilled', shipped = 'shipped', partially_shipped = 'partially_shipped',
  canceled = 'canceled', requires_action = 'requires_action',
}
export enum SwapPaymentStatus {
  not_paid = 'not_paid', awaiting = 'awaiting', captured = 'captured', confirmed = 'confirmed', canceled = 'canceled',
  difference_refunded = 'difference_refunded', partially_refunded = 'partially_refunded', refunded = 'refunded', requires_action = 'requires_action',
}
registerEnumType(SwapFulfillmentStatus, { name: 'SwapFulfillmentStatus' });
registerEnumType(SwapPaymentStatus, { name: 'SwapPaymentStatus' });

@ObjectType({ description: 'A swap: returned items of an order exchanged for new ones, confirmed by the customer.' })
@Entity({ tableName: 'swap' })
@Index({ properties: ['createdAt'] })
export class Swap extends SoftDeletable {
  static idPrefix = 'swap';

  @Field(() => SwapFulfillmentStatus)
  @Enum({ items: () => SwapFulfillmentStatus })
  fulfillmentStatus!: SwapFulfillmentStatus;

  @Field(() => SwapPaymentStatus)
  @Enum({ items: () => SwapPaymentStatus })
  paymentStatus!: SwapPaymentStatus;

  @ManyToOne(() => Order, { fieldName: 'order_id', index: true })
  order!: Rel<Order>;
  @Field(() => String) get orderId(): string { return this.order.id; }

  /** What the customer pays (or gets back, below zero); known once the customer confirms the swap. */
  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  differenceDue?: number | null = null;

  @ManyToOne(() => Address, { fieldName: 'shipping_address_id', nullable: true, deleteRule: 'set null', index: true })
  shippingAddress?: Rel<Address> | null = null;
  @Field(() => String, { nullable: true }) get shippingAddressId(): string | null { return this.shippingAddress?.id ?? null; }

  @ManyToOne(() => Cart, { fieldName: 'cart_id', nullable: true, unique: true })
  cart?: Rel<Cart> | null = null;
  @Field(() => String, { nullable: true }) get cartId(): string | null { return this.cart?.id ?? null; }

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  confirmedAt?: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  canceledAt?: Date | null = null;

  @Field(() => Boolean, { nullable: true })
  @Property({ type: 'boolean', nullable: true })
  noNotification?: boolean | null = null;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  allowBackorder: Opt<boolean> = false;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  idempotencyKey?: string | null = null;

  @MetadataField() metadata?: Metadata = null;
}

@ObjectType({ description: 'A shipping option at a price set for one cart (a swap\'s), offered to the customer instead of its own price.' })
@Entity({ tableName: 'custom_shipping_option' })
export class CustomShippingOption extends SoftDeletable {
  static idPrefix = 'cso';

  @Field(() => Int)
  @Property({ type: 'integer' })
  price!: number;

  @ManyToOne(() => ShippingOption, { fieldName: 'shipping_option_id', index: true })
  shippingOption!: Rel<ShippingOption>;
  @Field(() => String) get shippingOptionId(): string { return this.shippingOption.id; }

  @ManyToOne(() => Cart, { fieldName: 'cart_id', nullable: true, deleteRule: 'cascade', index: true })
  cart?: Rel<Cart> | null = null;
  @Field(() => String, { nullable: true }) get cartId(): string | null { return this.cart?.id ?? null; }

  @MetadataField() metadata?: Metadata = null;
}
