import { Collection, Entity, ManyToMany, ManyToOne, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, MetadataField, Metadata } from './base';
import { Currency } from './currencies';

@ObjectType({ description: 'The store: its name, currencies and link templates. There is exactly one.' })
@Entity({ tableName: 'store' })
export class Store extends BaseEntity {
  static idPrefix = 'store';

  @Field()
  @Property({ type: 'string', default: 'Medusa Store' })
  name: string = 'Medusa Store';

  @ManyToOne(() => Currency, { fieldName: 'default_currency_code' })
  defaultCurrency!: Rel<Currency>;

  // The foreign key itself, read from the (possibly unloaded) reference: no query needed.
  @Field()
  get defaultCurrencyCode(): string {
    return this.defaultCurrency.code;
  }

  @ManyToMany({ entity: () => Currency, pivotTable: 'store_currencies', joinColumn: 'store_id', inverseJoinColumn: 'currency_code' })
  currencies = new Collection<Currency>(this);

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  swapLinkTemplate?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  paymentLinkTemplate?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  inviteLinkTemplate?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  defaultLocationId?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  defaultSalesChannelId?: string | null = null;

  @MetadataField()
  metadata?: Metadata = null;
}

/** A provider registered at start-up (Medusa's payment, fulfillment, tax and notification provider tables). */
@ObjectType()
export abstract class Provider {
  @Field()
  @PrimaryKey({ type: 'string' })
  id!: string;

  @Field()
  @Property({ type: 'boolean', default: true })
  isInstalled: boolean = true;
}

@ObjectType()
@Entity({ tableName: 'payment_provider' })
export class PaymentProvider extends Provider {}

@ObjectType()
@Entity({ tableName: 'fulfillment_provider' })
export class FulfillmentProvider extends Provider {}

@ObjectType()
@Entity({ tableName: 'tax_provider' })
export class TaxProvider extends Provider {}
