import { Collection, Entity, Index, ManyToMany, ManyToOne, OneToMany, PrimaryKey, PrimaryKeyProp, Property, Rel } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { MetadataField, Metadata, SoftDeletable } from './base';
import { Currency } from './currencies';
import { FulfillmentProvider, PaymentProvider, TaxProvider } from './store';

@ObjectType({ description: 'A market: a currency, a tax rate, countries and the providers that serve them.' })
@Entity({ tableName: 'region' })
@Index({ properties: ['name'] })
@Index({ properties: ['createdAt'] })
@Index({ properties: ['updatedAt'] })
@Index({ properties: ['deletedAt'] })
export class Region extends SoftDeletable {
  static idPrefix = 'reg';

  @Field()
  @Property({ type: 'string' })
  name!: string;

  @ManyToOne(() => Currency, { fieldName: 'currency_code' })
  currency!: Rel<Currency>;

  // The foreign key, read from the (possibly unloaded) reference: no query needed.
  @Field()
  get currencyCode(): string {
    return this.currency.code;
  }

  @Field(() => Float)
  @Property({ type: 'real' })
  taxRate!: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  taxCode?: string | null = null;

  @Field()
  @Property({ type: 'boolean', default: true })
  giftCardsTaxable: boolean = true;

  @Field()
  @Property({ type: 'boolean', default: true })
  automaticTaxes: boolean = true;

  @OneToMany(() => Country, (country) => country.region)
  countries = new Collection<Country>(this);

  @ManyToOne(() => TaxProvider, { fieldName: 'tax_provider_id', nullable: true })
  taxProvider?: Rel<TaxProvider> | null = null;

  @Field(() => String, { nullable: true })
  get taxProviderId(): string | null {
    return this.taxProvider?.id ?? null;
  }

  @ManyToMany({ entity: () => PaymentProvider, pivotTable: 'region_payment_providers', joinColumn: 'region_id', inverseJoinColumn: 'provider_id' })
  paymentProviders = new Collection<PaymentProvider>(this);

  @ManyToMany({ entity: () => FulfillmentProvider, pivotTable: 'region_fulfillment_providers', joinColumn: 'region_id', inverseJoinColumn: 'provider_id' })
  fulfillmentProviders = new Collection<FulfillmentProvider>(this);

  @Field()
  @Property({ type: 'boolean', default: false })
  includesTax: boolean = false;

  @MetadataField()
  metadata?: Metadata = null;
}

@ObjectType({ description: 'An ISO 3166-1 country; it belongs to at most one region. Its id is a number, as in Medusa.' })
@Entity({ tableName: 'country' })
export class Country {
  [PrimaryKeyProp]?: 'id';

  @Field(() => Int)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field({ description: 'ISO 3166-1 alpha-2 code, lower-case.' })
  @Property({ type: 'string', fieldName: 'iso_2', unique: true })
  iso2!: string;

  @Field({ description: 'ISO 3166-1 alpha-3 code, lower-case.' })
  @Property({ type: 'string', fieldName: 'iso_3' })
  iso3!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  numCode!: number;

  @Field({ description: 'Upper-case English name.' })
  @Property({ type: 'string' })
  name!: string;

  @Field()
  @Property({ type: 'string' })
  displayName!: string;

  @ManyToOne(() => Region, { fieldName: 'region_id', nullable: true, index: true, deleteRule: 'set null' })
  region?: Rel<Region> | null = null;

  @Field(() => String, { nullable: true })
  get regionId(): string | null {
    return this.region?.id ?? null;
  }
}
