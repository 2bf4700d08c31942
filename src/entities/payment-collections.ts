import { Collection, Entity, Enum, Index, ManyToMany, ManyToOne, Opt, Property, Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { BaseEntity, MetadataField, Metadata, SoftDeletable } from './base';
import { Currency } from './currencies';
import { Cart, Payment } from './orders';
import { Region } from './regions';

export enum PaymentCollectionType { order_edit = 'order_edit' }
export enum PaymentCollectionStatus {
  not_paid = 'not_paid', awaiting = 'awaiting', authorized = 'authorized', partially_authorized = 'partially_authorized', canceled = 'canceled',
}
export enum PaymentSessionStatus { authorized = 'authorized', pending = 'pending', requires_more = 'requires_more', error = 'error', canceled = 'canceled' }
registerEnumType(PaymentCollectionType, { name: 'PaymentCollectionType' });
registerEnumType(PaymentCollectionStatus, { name: 'PaymentCollectionStatus' });
registerEnumType(PaymentSessionStatus, { name: 'PaymentSessionStatus' });

@ObjectType({ description: 'A session with a payment provider, before the payment is authorized.' })
@Entity({ tableName: 'payment_session' })
export class PaymentSession extends BaseEntity {
  static idPrefix = 'ps';

  @ManyToOne(() => Cart, { fieldName: 'cart_id', nullable: true, deleteRule: 'cascade', index: true })
  cart?: Rel<Cart> | null = null;
  @Field(() => String, { nullable: true }) get cartId(): string | null { return this.cart?.id ?? null; }

  // A plain column, as on payments (the `system` provider is not listed by the store).
  @Field(() => String) @Property({ type: 'text' }) providerId!: string;

  @Field(() => Boolean, { nullable: true }) @Property({ type: 'boolean', nullable: true }) isSelected?: boolean | null = null;
  @Field(() => Boolean) @Property({ type: 'boolean', default: false }) isInitiated: Opt<boolean> = false;

  @Field(() => PaymentSessionStatus)
  @Enum({ items: () => PaymentSessionStatus })
  status!: PaymentSessionStatus;

  @Field(() => GraphQLJSONObject) @Property({ type: 'json', default: '{}' }) data: Opt<Record<string, unknown>> = {};
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) idempotencyKey?: string | null = null;
  @Field(() => Int, { nullable: true }) @Property({ type: 'integer', nullable: true }) amount?: number | null = null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'timestamptz', nullable: true }) paymentAuthorizedAt?: Date | null = null;
}

@ObjectType({ description: 'Payments gathered for one purpose (an order edit\'s difference), in a region\'s currency.' })
@Entity({ tableName: 'payment_collection' })
@Index({ properties: ['createdAt'] })
export class PaymentCollection extends SoftDeletable {
  static idPrefix = 'paycol';

  @Field(() => PaymentCollectionType)
  @Enum({ items: () => PaymentCollectionType })
  type!: PaymentCollectionType;

  @Field(() => PaymentCollectionStatus)
  @Enum({ items: () => PaymentCollectionStatus, index: true })
  status!: PaymentCollectionStatus;

  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) description?: string | null = null;
  @Field(() => Int) @Property({ type: 'integer' }) amount!: number;
  @Field(() => Int, { nullable: true }) @Property({ type: 'integer', nullable: true }) authorizedAmount?: number | null = null;

  @ManyToOne(() => Region, { fieldName: 'region_id', index: true })
  region!: Rel<Region>;
  @Field(() => String) get regionId(): string { return this.region.id; }

  @ManyToOne(() => Currency, { fieldName: 'currency_code' })
  currency!: Rel<Currency>;
  @Field(() => String) get currencyCode(): string { return this.currency.code; }

  @Field(() => String) @Property({ type: 'text', index: true }) createdBy!: string;

  @ManyToMany({ entity: () => PaymentSession, pivotTable: 'payment_collection_sessions', joinColumn: 'payment_collection_id', inverseJoinColumn: 'payment_session_id' })
  paymentSessions = new Collection<PaymentSession>(this);

  @ManyToMany({ entity: () => Payment, pivotTable: 'payment_collection_payments', joinColumn: 'payment_collection_id', inverseJoinColumn: 'payment_id' })
  payments = new Collection<Payment>(this);

  @MetadataField() metadata?: Metadata = null;
}
