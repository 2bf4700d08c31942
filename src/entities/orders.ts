import { Collection, Entity, Enum, Index, ManyToMany, ManyToOne, OneToMany, Opt, PrimaryKeyProp, Property, PropertyOptions, Rel } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { BaseEntity, MetadataField, Metadata, SoftDeletable } from './base';
import { Address, Customer } from './customers';
import { Currency } from './currencies';
import { Discount } from './discounts';
import { GiftCard } from './gift-cards';
import { Region } from './regions';
import { SalesChannel } from './sales-channels';
import { ShippingOption } from './shipping-options';
import { FulfillmentProvider } from './store';
import { ProductVariant } from './variants';

/*
 * The order domain's tables, named and shaped as Medusa v1's: carts (a draft order's items live
 * in its cart), line items with their tax lines and discount adjustments, shipping methods,
 * orders, gift card uses, payments, refunds, fulfillments and tracking links. Computed totals are
 * not columns: `src/lib/totals.ts` computes them when asked.
 */

/** A column that is also a GraphQL field (nullable columns default to null). */
function Column(type: () => unknown, options: PropertyOptions<object> & { nullable?: boolean } = {}): PropertyDecorator {
  return (target, key) => {
    Field(type as any, { nullable: !!options.nullable })(target, key);
    Property(options)(target, key as string);
  };
}
const text = (nullable = false, extra: PropertyOptions<object> = {}) => Column(() => String, { type: 'text', nullable, ...extra });
const int = (extra: PropertyOptions<object> = {}) => Column(() => Int, { type: 'integer', ...extra });
const bool = (fallback: boolean, extra: PropertyOptions<object> = {}) => Column(() => Boolean, { type: 'boolean', default: fallback, ...extra });
const time = (extra: PropertyOptions<object> = {}) => Column(() => Date, { type: 'timestamptz', nullable: true, ...extra });
const json = () => Column(() => GraphQLJSONObject, { type: 'json', nullable: true });

export enum CartType { default = 'default', swap = 'swap', draft_order = 'draft_order', payment_link = 'payment_link', claim = 'claim' }
export enum OrderStatus { pending = 'pending', completed = 'completed', archived = 'archived', canceled = 'canceled', requires_action = 'requires_action' }
export enum FulfillmentStatus {
  not_fulfilled = 'not_fulfilled', partially_fulfilled = 'partially_fulfilled', fulfilled = 'fulfilled',
  partially_shipped = 'partially_shipped', shipped = 'shipped', partially_returned = 'partially_returned',
  returned = 'returned', canceled = 'canceled', requires_action = 'requires_action',
}
export enum PaymentStatus {
  not_paid = 'not_paid', awaiting = 'awaiting', captured = 'captured', partially_refunded = 'partially_refunded',
  refunded = 'refunded', canceled = 'canceled', requires_action = 'requires_action',
}
export enum RefundReason { discount = 'discount', return = 'return', swap = 'swap', claim = 'claim', other = 'other' }
registerEnumType(CartType, { name: 'CartType' });
registerEnumType(OrderStatus, { name: 'OrderStatus' });
registerEnumType(FulfillmentStatus, { name: 'FulfillmentStatus' });
registerEnumType(PaymentStatus, { name: 'PaymentStatus' });
registerEnumType(RefundReason, { name: 'RefundReason' });

@ObjectType({ description: 'A cart: the items, addresses, discounts and shipping of a purchase in progress (a draft order\'s content).' })
@Entity({ tableName: 'cart' })
@Index({ properties: ['createdAt'] })
export class Cart extends SoftDeletable {
  static idPrefix = 'cart';

  @text(true, { index: true }) email?: string | null = null;

  @ManyToOne(() => Address, { fieldName: 'billing_address_id', nullable: true, deleteRule: 'set null', index: true })
  billingAddress?: Rel<Address> | null = null;
  @Field(() => String, { nullable: true }) get billingAddressId(): string | null { return this.billingAddress?.id ?? null; }

  @ManyToOne(() => Address, { fieldName: 'shipping_address_id', nullable: true, deleteRule: 'set null', index: true })
  shippingAddress?: Rel<Address> | null = null;
  @Field(() => String, { nullable: true }) get shippingAddressId(): string | null { return this.shippingAddress?.id ?? null; }

  @ManyToOne(() => Region, { fieldName: 'region_id', index: true })
  region!: Rel<Region>;
  @Field(() => String) get regionId(): string { return this.region.id; }

  @ManyToOne(() => Customer, { fieldName: 'customer_id', nullable: true, index: true })
  customer?: Rel<Customer> | null = null;
  @Field(() => String, { nullable: true }) get customerId(): string | null { return this.customer?.id ?? null; }

  @text(true) paymentId?: string | null = null;

  @Field(() => CartType)
  @Enum({ items: () => CartType, default: CartType.default })
  type: CartType = CartType.default;

  @time() completedAt?: Date | null = null;
  @time() paymentAuthorizedAt?: Date | null = null;
  @text(true) idempotencyKey?: string | null = null;
  @json() context?: Record<string, unknown> | null = null;

  @ManyToOne(() => SalesChannel, { fieldName: 'sales_channel_id', nullable: true, deleteRule: 'set null', index: true })
  salesChannel?: Rel<SalesChannel> | null = null;
  @Field(() => String, { nullable: true }) get salesChannelId(): string | null { return this.salesChannel?.id ?? null; }

  @ManyToMany({ entity: () => Discount, pivotTable: 'cart_discounts', joinColumn: 'cart_id', inverseJoinColumn: 'discount_id' })
  discounts = new Collection<Discount>(this);

  @ManyToMany({ entity: () => GiftCard, pivotTable: 'cart_gift_cards', joinColumn: 'cart_id', inverseJoinColumn: 'gift_card_id' })
  giftCards = new Collection<GiftCard>(this);

  @MetadataField() metadata?: Metadata = null;
}

@ObjectType({ description: 'An order: what a customer bought, with its payment, fulfillment and refund history.' })
@Entity({ tableName: 'order' })
@Index({ properties: ['createdAt'] })
@Index({ properties: ['updatedAt'] })
@Index({ properties: ['canceledAt'] })
export class Order extends BaseEntity {
  static idPrefix = 'order';

  @Field(() => OrderStatus)
  @Enum({ items: () => OrderStatus, default: OrderStatus.pending, index: true })
  status: OrderStatus = OrderStatus.pending;

  @Field(() => FulfillmentStatus)
  @Enum({ items: () => FulfillmentStatus, default: FulfillmentStatus.not_fulfilled, index: true })
  fulfillmentStatus: FulfillmentStatus = FulfillmentStatus.not_fulfilled;

  @Field(() => PaymentStatus)
  @Enum({ items: () => PaymentStatus, default: PaymentStatus.not_paid, index: true })
  paymentStatus: PaymentStatus = PaymentStatus.not_paid;

  /** Sequential, from a database sequence: the number shops and customers speak of. */
  @Field(() => Int)
  @Property({ type: 'integer', autoincrement: true, unique: true })
  displayId!: Opt<number>;

  @ManyToOne(() => Cart, { fieldName: 'cart_id', nullable: true, unique: true })
  cart?: Rel<Cart> | null = null;
  @Field(() => String, { nullable: true }) get cartId(): string | null { return this.cart?.id ?? null; }

  @ManyToOne(() => Customer, { fieldName: 'customer_id', index: true })
  customer!: Rel<Customer>;
  @Field(() => String) get customerId(): string { return this.customer.id; }

  @text(false, { index: true }) email!: string;

  @ManyToOne(() => Address, { fieldName: 'billing_address_id', nullable: true, deleteRule: 'set null', index: true })
  billingAddress?: Rel<Address> | null = null;
  @Field(() => String, { nullable: true }) get billingAddressId(): string | null { return this.billingAddress?.id ?? null; }

  @ManyToOne(() => Address, { fieldName: 'shipping_address_id', nullable: true, deleteRule: 'set null', index: true })
  shippingAddress?: Rel<Address> | null = null;
  @Field(() => String, { nullable: true }) get shippingAddressId(): string | null { return this.shippingAddress?.id ?? null; }

  @ManyToOne(() => Region, { fieldName: 'region_id', index: true })
  region!: Rel<Region>;
  @Field(() => String) get regionId(): string { return this.region.id; }

  @ManyToOne(() => Currency, { fieldName: 'currency_code', index: true })
  currency!: Rel<Currency>;
  @Field(() => String) get currencyCode(): string { return this.currency.code; }

  /** Orders of the old tax system carried one rate; orders made here use tax lines (null). */
  @Column(() => Float, { type: 'real', nullable: true }) taxRate?: number | null = null;

  @text(true, { index: true }) draftOrderId?: string | null = null;
  @time() canceledAt?: Date | null = null;
  @Column(() => Boolean, { type: 'boolean', nullable: true }) noNotification?: boolean | null = null;
  @text(true) idempotencyKey?: string | null = null;
  @text(true) externalId?: string | null = null;

  @ManyToOne(() => SalesChannel, { fieldName: 'sales_channel_id', nullable: true, deleteRule: 'set null', index: true })
  salesChannel?: Rel<SalesChannel> | null = null;
  @Field(() => String, { nullable: true }) get salesChannelId(): string | null { return this.salesChannel?.id ?? null; }

  @ManyToMany({ entity: () => Discount, pivotTable: 'order_discounts', joinColumn: 'order_id', inverseJoinColumn: 'discount_id' })
  discounts = new Collection<Discount>(this);

  @ManyToMany({ entity: () => GiftCard, pivotTable: 'order_gift_cards', joinColumn: 'order_id', inverseJoinColumn: 'gift_card_id' })
  giftCards = new Collection<GiftCard>(this);

  @MetadataField() metadata?: Metadata = null;
}

@ObjectType({ description: 'One line of a cart or order: a variant (or a custom title) at a unit price and quantity.' })
@Entity({ tableName: 'line_item' })
@Index({ properties: ['createdAt'] })
export class LineItem extends BaseEntity {
  static idPrefix = 'item';

  @ManyToOne(() => Cart, { fieldName: 'cart_id', nullable: true, deleteRule: 'cascade', index: true })
  cart?: Rel<Cart> | null = null;
  @Field(() => String, { nullable: true }) get cartId(): string | null { return this.cart?.id ?? null; }

  @ManyToOne(() => Order, { fieldName: 'order_id', nullable: true, index: true })
  order?: Rel<Order> | null = null;
  @Field(() => String, { nullable: true }) get orderId(): string | null { return this.order?.id ?? null; }

  // Returns, swaps, claims and edits come later; their ids are plain columns until then.
  @text(true, { index: true }) swapId?: string | null = null;
  @text(true, { index: true }) claimOrderId?: string | null = null;
  @text(true, { index: true }) originalItemId?: string | null = null;
  @text(true, { index: true }) orderEditId?: string | null = null;

  @text() title!: string;
  @text(true) description?: string | null = null;
  @text(true) thumbnail?: string | null = null;
  @bool(false) isReturn: Opt<boolean> = false;
  @bool(false) isGiftcard: Opt<boolean> = false;
  @bool(true) shouldMerge: Opt<boolean> = true;
  @bool(true) allowDiscounts: Opt<boolean> = true;
  @Column(() => Boolean, { type: 'boolean', nullable: true }) hasShipping?: boolean | null = null;
  @int() unitPrice!: number;

  @ManyToOne(() => ProductVariant, { fieldName: 'variant_id', nullable: true, deleteRule: 'set null', index: true })
  variant?: Rel<ProductVariant> | null = null;
  @Field(() => String, { nullable: true }) get variantId(): string | null { return this.variant?.id ?? null; }

  @int() quantity!: number;
  @int({ nullable: true }) fulfilledQuantity?: number | null = null;
  @int({ nullable: true }) returnedQuantity?: number | null = null;
  @int({ nullable: true }) shippedQuantity?: number | null = null;
  @bool(false) includesTax: Opt<boolean> = false;

  @OneToMany(() => LineItemTaxLine, (t) => t.item)
  taxLines = new Collection<LineItemTaxLine>(this);

  @OneToMany(() => LineItemAdjustment, (a) => a.item)
  adjustments = new Collection<LineItemAdjustment>(this);

  @MetadataField() metadata?: Metadata = null;
}

@ObjectType({ description: 'A tax applied to a line item: a rate with its name and code.' })
@Entity({ tableName: 'line_item_tax_line' })
@Index({ name: 'line_item_tax_line_item_id_code_unique', expression: 'create unique index "line_item_tax_line_item_id_code_unique" on "line_item_tax_line" ("item_id", "code")' })
export class LineItemTaxLine extends BaseEntity {
  static idPrefix = 'litl';

  @ManyToOne(() => LineItem, { fieldName: 'item_id', deleteRule: 'cascade', index: true })
  item!: Rel<LineItem>;
  @Field(() => String) get itemId(): string { return this.item.id; }

  @Column(() => Float, { type: 'real' }) rate!: number;
  @text() name!: string;
  @text(true) code?: string | null = null;
  @MetadataField() metadata?: Metadata = null;
}

@ObjectType({ description: 'A discount (or a custom reduction) on a line item.' })
@Entity({ tableName: 'line_item_adjustment' })
export class LineItemAdjustment extends BaseEntity {
  static idPrefix = 'lia';

  @ManyToOne(() => LineItem, { fieldName: 'item_id', deleteRule: 'cascade', index: true })
  item!: Rel<LineItem>;
  @Field(() => String) get itemId(): string { return this.item.id; }

  @text() description!: string;

  @ManyToOne(() => Discount, { fieldName: 'discount_id', nullable: true, deleteRule: 'set null', index: true })
  discount?: Rel<Discount> | null = null;
  @Field(() => String, { nullable: true }) get discountId(): string | null { return this.discount?.id ?? null; }

  /** Not rounded: a fixed discount on the total is prorated to fractions of a cent. */
  @Column(() => Float, { type: 'double' }) amount!: number;
  @MetadataField() metadata?: Metadata = null;
}

@ObjectType({ description: 'A shipping option chosen for a cart or order, at a price.' })
@Entity({ tableName: 'shipping_method' })
export class ShippingMethod extends BaseEntity {
  static idPrefix = 'sm';

  @ManyToOne(() => ShippingOption, { fieldName: 'shipping_option_id', index: true })
  shippingOption!: Rel<ShippingOption>;
  @Field(() => String) get shippingOptionId(): string { return this.shippingOption.id; }

  @ManyToOne(() => Order, { fieldName: 'order_id', nullable: true, index: true })
  order?: Rel<Order> | null = null;
  @Field(() => String, { nullable: true }) get orderId(): string | null { return this.order?.id ?? null; }

  @ManyToOne(() => Cart, { fieldName: 'cart_id', nullable: true, deleteRule: 'cascade', index: true })
  cart?: Rel<Cart> | null = null;
  @Field(() => String, { nullable: true }) get cartId(): string | null { return this.cart?.id ?? null; }

  @text(true, { index: true }) claimOrderId?: string | null = null;
  @text(true, { index: true }) swapId?: string | null = null;
  @text(true, { index: true }) returnId?: string | null = null;

  @int() price!: number;
  @Column(() => GraphQLJSONObject, { type: 'json', default: '{}' }) data: Opt<Record<string, unknown>> = {};
  @bool(false) includesTax: Opt<boolean> = false;

  @OneToMany(() => ShippingMethodTaxLine, (t) => t.shippingMethod)
  taxLines = new Collection<ShippingMethodTaxLine>(this);
}

@ObjectType({ description: 'A tax applied to a shipping method.' })
@Entity({ tableName: 'shipping_method_tax_line' })
@Index({ name: 'shipping_method_tax_line_method_code_unique', expression: 'create unique index "shipping_method_tax_line_method_code_unique" on "shipping_method_tax_line" ("shipping_method_id", "code")' })
export class ShippingMethodTaxLine extends BaseEntity {
  static idPrefix = 'smtl';

  @ManyToOne(() => ShippingMethod, { fieldName: 'shipping_method_id', deleteRule: 'cascade', index: true })
  shippingMethod!: Rel<ShippingMethod>;
  @Field(() => String) get shippingMethodId(): string { return this.shippingMethod.id; }

  @Column(() => Float, { type: 'real' }) rate!: number;
  @text() name!: string;
  @text(true) code?: string | null = null;
  @MetadataField() metadata?: Metadata = null;
}

@ObjectType({ description: 'What a gift card paid on an order, with the tax snapshot taken then.' })
@Entity({ tableName: 'gift_card_transaction' })
export class GiftCardTransaction extends BaseEntity {
  static idPrefix = 'gct';

  @ManyToOne(() => GiftCard, { fieldName: 'gift_card_id', index: true })
  giftCard!: Rel<GiftCard>;
  @Field(() => String) get giftCardId(): string { return this.giftCard.id; }

  @ManyToOne(() => Order, { fieldName: 'order_id', index: true })
  order!: Rel<Order>;
  @Field(() => String) get orderId(): string { return this.order.id; }

  @int() amount!: number;
  @Column(() => Boolean, { type: 'boolean', nullable: true }) isTaxable?: boolean | null = null;
  @Column(() => Float, { type: 'real', nullable: true }) taxRate?: number | null = null;
}

@ObjectType({ description: 'Money authorized through a payment provider for a cart, order or swap.' })
@Entity({ tableName: 'payment' })
@Index({ properties: ['createdAt'] })
export class Payment extends BaseEntity {
  static idPrefix = 'pay';

  @text(true, { index: true }) swapId?: string | null = null;

  @ManyToOne(() => Cart, { fieldName: 'cart_id', nullable: true, deleteRule: 'set null', index: true })
  cart?: Rel<Cart> | null = null;
  @Field(() => String, { nullable: true }) get cartId(): string | null { return this.cart?.id ?? null; }

  @ManyToOne(() => Order, { fieldName: 'order_id', nullable: true, index: true })
  order?: Rel<Order> | null = null;
  @Field(() => String, { nullable: true }) get orderId(): string | null { return this.order?.id ?? null; }

  @int() amount!: number;

  @ManyToOne(() => Currency, { fieldName: 'currency_code' })
  currency!: Rel<Currency>;
  @Field(() => String) get currencyCode(): string { return this.currency.code; }

  @int({ default: 0 }) amountRefunded: Opt<number> = 0;

  // Medusa's draft orders are paid through its `system` provider, which the store does not list
  // among its payment providers: a plain column, not a reference to that table.
  @text() providerId!: string;

  @Column(() => GraphQLJSONObject, { type: 'json', default: '{}' }) data: Opt<Record<string, unknown>> = {};
  @time() capturedAt?: Date | null = null;
  @time() canceledAt?: Date | null = null;
  @text(true) idempotencyKey?: string | null = null;
  @MetadataField() metadata?: Metadata = null;
}

@ObjectType({ description: 'Money given back on a payment of an order.' })
@Entity({ tableName: 'refund' })
@Index({ properties: ['createdAt'] })
export class Refund extends BaseEntity {
  static idPrefix = 'ref';

  @ManyToOne(() => Order, { fieldName: 'order_id', nullable: true, index: true })
  order?: Rel<Order> | null = null;
  @Field(() => String, { nullable: true }) get orderId(): string | null { return this.order?.id ?? null; }

  @ManyToOne(() => Payment, { fieldName: 'payment_id', nullable: true, index: true })
  payment?: Rel<Payment> | null = null;
  @Field(() => String, { nullable: true }) get paymentId(): string | null { return this.payment?.id ?? null; }

  @int() amount!: number;
  @text(true) note?: string | null = null;

  @Field(() => RefundReason)
  @Enum({ items: () => RefundReason })
  reason!: RefundReason;

  @text(true) idempotencyKey?: string | null = null;
  @MetadataField() metadata?: Metadata = null;
}

@ObjectType({ description: 'Items of an order handed to a fulfillment provider, possibly shipped.' })
@Entity({ tableName: 'fulfillment' })
@Index({ properties: ['createdAt'] })
export class Fulfillment extends BaseEntity {
  static idPrefix = 'ful';

  @text(true, { index: true }) claimOrderId?: string | null = null;
  @text(true, { index: true }) swapId?: string | null = null;

  @ManyToOne(() => Order, { fieldName: 'order_id', nullable: true, index: true })
  order?: Rel<Order> | null = null;
  @Field(() => String, { nullable: true }) get orderId(): string | null { return this.order?.id ?? null; }

  @ManyToOne(() => FulfillmentProvider, { fieldName: 'provider_id' })
  provider!: Rel<FulfillmentProvider>;
  @Field(() => String) get providerId(): string { return this.provider.id; }

  @text(true, { index: true }) locationId?: string | null = null;

  @Field(() => [String])
  @Property({ type: 'json', default: '[]' })
  trackingNumbers: Opt<string[]> = [];

  @Column(() => GraphQLJSONObject, { type: 'json', default: '{}' }) data: Opt<Record<string, unknown>> = {};
  @time() shippedAt?: Date | null = null;
  @Column(() => Boolean, { type: 'boolean', nullable: true }) noNotification?: boolean | null = null;
  @time() canceledAt?: Date | null = null;
  @text(true) idempotencyKey?: string | null = null;

  @OneToMany(() => FulfillmentItem, (i) => i.fulfillment)
  items = new Collection<FulfillmentItem>(this);

  @MetadataField() metadata?: Metadata = null;
}

@ObjectType({ description: 'A quantity of a line item in a fulfillment.' })
@Entity({ tableName: 'fulfillment_item' })
export class FulfillmentItem {
  [PrimaryKeyProp]?: ['fulfillment', 'item'];

  @ManyToOne(() => Fulfillment, { fieldName: 'fulfillment_id', primary: true, deleteRule: 'cascade' })
  fulfillment!: Rel<Fulfillment>;
  @Field(() => String) get fulfillmentId(): string { return this.fulfillment.id; }

  @ManyToOne(() => LineItem, { fieldName: 'item_id', primary: true, index: true })
  item!: Rel<LineItem>;
  @Field(() => String) get itemId(): string { return this.item.id; }

  @int() quantity!: number;
}

@ObjectType({ description: 'A tracking number of a shipped fulfillment, with the carrier\'s URL when known.' })
@Entity({ tableName: 'tracking_link' })
export class TrackingLink extends SoftDeletable {
  static idPrefix = 'tlink';

  @text(true) url?: string | null = null;
  @text() trackingNumber!: string;

  @ManyToOne(() => Fulfillment, { fieldName: 'fulfillment_id', deleteRule: 'cascade', index: true })
  fulfillment!: Rel<Fulfillment>;
  @Field(() => String) get fulfillmentId(): string { return this.fulfillment.id; }

  @text(true) idempotencyKey?: string | null = null;
  @MetadataField() metadata?: Metadata = null;
}
