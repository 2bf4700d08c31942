import { Collection, Entity, Enum, Filter, Index, ManyToOne, OneToMany, Opt, OptionalProps, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { MetadataField, Metadata, SoftDeletable } from './base';
import { newId } from '../lib/ids';
import { ShippingProfile } from './shipping-profiles';
import { FulfillmentProvider } from './store';
import { Region } from './regions';

export enum ShippingOptionPriceType {
  flat_rate = 'flat_rate',
  calculated = 'calculated',
}
registerEnumType(ShippingOptionPriceType, {
  name: 'ShippingOptionPriceType',
  description: '`flat_rate` charges `amount`; `calculated` lets the fulfillment provider compute the price.',
});

export enum ShippingOptionRequirementType {
  min_subtotal = 'min_subtotal',
  max_subtotal = 'max_subtotal',
}
registerEnumType(ShippingOptionRequirementType, { name: 'ShippingOptionRequirementType' });

@ObjectType({ description: 'A way to ship (or return) the products of a profile in a region, through a fulfillment provider.' })
@Entity({ tableName: 'shipping_option' })
@Index({ properties: ['createdAt'] })
@Index({ properties: ['updatedAt'] })
@Index({ properties: ['deletedAt'] })
@Index({ properties: ['name'] })
@Index({ properties: ['amount'] })
export class ShippingOption extends SoftDeletable {
  static idPrefix = 'so';

  @Field()
  @Property({ type: 'string' })
  name!: string;

  @Index()
  @ManyToOne(() => Region, { fieldName: 'region_id' })
  region!: Rel<Region>;

  // The foreign keys themselves, read from the (possibly unloaded) references: no query needed.
  @Field(() => String)
  get regionId(): Opt<string> {
    return this.region.id;
  }

  @Index()
  @ManyToOne(() => ShippingProfile, { fieldName: 'profile_id' })
  profile!: Rel<ShippingProfile>;

  @Field(() => String)
  get profileId(): Opt<string> {
    return this.profile.id;
  }

  @Index()
  @ManyToOne(() => FulfillmentProvider, { fieldName: 'provider_id' })
  provider!: Rel<FulfillmentProvider>;

  @Field(() => String)
  get providerId(): Opt<string> {
    return this.provider.id;
  }

  @Field(() => ShippingOptionPriceType)
  @Enum({ items: () => ShippingOptionPriceType })
  priceType!: ShippingOptionPriceType;

  @Field(() => Int, { nullable: true, description: 'Price in minor units of the region currency (flat rate only).' })
  @Property({ type: 'integer', nullable: true })
  amount?: number | null = null;

  @Field()
  @Index()
  @Property({ type: 'boolean', default: false })
  isReturn: boolean = false;

  @Field()
  @Index()
  @Property({ type: 'boolean', default: false })
  adminOnly: boolean = false;

  @Field(() => GraphQLJSONObject, { description: 'Data the fulfillment provider needs to fulfill with this option.' })
  @Property({ type: 'json' })
  data: Record<string, unknown> = {};

  @Field()
  @Property({ type: 'boolean', default: false })
  includesTax: boolean = false;

  @OneToMany(() => ShippingOptionRequirement, (r) => r.shippingOption)
  requirements = new Collection<ShippingOptionRequirement>(this);

  @MetadataField()
  metadata?: Metadata = null;
}

/**
 * Medusa's requirement has no created_at/updated_at columns (only id, shipping_option_id, type,
 * amount and deleted_at), so it does not extend SoftDeletable; it soft-deletes the same way.
 */
@ObjectType({ description: 'A cart subtotal bound under or over which a shipping option is not offered.' })
@Entity({ tableName: 'shipping_option_requirement' })
@Filter({ name: 'softDelete', cond: { deletedAt: null }, default: true })
export class ShippingOptionRequirement {
  static idPrefix = 'sor';
  [OptionalProps]?: 'id' | 'deletedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'string', columnType: 'varchar(64)' })
  id: string = newId(ShippingOptionRequirement.idPrefix);

  @Index()
  @ManyToOne(() => ShippingOption, { fieldName: 'shipping_option_id' })
  shippingOption!: Rel<ShippingOption>;

  @Field(() => String)
  get shippingOptionId(): Opt<string> {
    return this.shippingOption.id;
  }

  @Field(() => ShippingOptionRequirementType)
  @Enum({ items: () => ShippingOptionRequirementType })
  type!: ShippingOptionRequirementType;

  @Field(() => Int, { description: 'The subtotal bound, in minor units.' })
  @Property({ type: 'integer' })
  amount!: number;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  deletedAt?: Date | null = null;
}

@ObjectType({ description: 'A tax rate that applies to a shipping option: the rates linked to it, or else its region\'s default rate.' })
export class ShippingOptionTaxRate {
  @Field(() => Float, { nullable: true, description: 'Percent.' })
  rate!: number | null;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  code!: string | null;
}

@ObjectType({ description: 'The option\'s price with tax, as Medusa adds it to each option of the admin list.' })
export class ShippingOptionPricing {
  @Field(() => Int, { description: 'Minor units: the amount with tax (the amount itself when it includes tax).' })
  priceInclTax!: number;

  @Field(() => Int, { description: 'Minor units.' })
  taxAmount!: number;

  @Field(() => [ShippingOptionTaxRate])
  taxRates!: ShippingOptionTaxRate[];
}
