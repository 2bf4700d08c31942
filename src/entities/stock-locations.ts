import { Entity, Index, ManyToOne, Opt, Property, Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { MetadataField, Metadata, SoftDeletable } from './base';
import { SalesChannel } from './sales-channels';

@ObjectType({ description: 'The postal address of a stock location.', simpleResolvers: true })
@Entity({ tableName: 'stock_location_address' })
export class StockLocationAddress extends SoftDeletable {
  static idPrefix = 'laddr';

  @Field()
  @Property({ type: 'text', fieldName: 'address_1' })
  address1!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true, fieldName: 'address_2' })
  address2?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  company?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  city?: string | null = null;

  @Field()
  @Property({ type: 'text', index: true })
  countryCode!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  phone?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  province?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  postalCode?: string | null = null;

  @MetadataField()
  metadata?: Metadata = null;
}

@ObjectType({ description: 'A place where stock is kept (a warehouse, a shop): inventory levels are per item and location.', simpleResolvers: true })
@Entity({ tableName: 'stock_location' })
@Index({ properties: ['name'] })
@Index({ properties: ['createdAt'] })
@Index({ properties: ['updatedAt'] })
export class StockLocation extends SoftDeletable {
  static idPrefix = 'sloc';

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @ManyToOne(() => StockLocationAddress, { fieldName: 'address_id', nullable: true, index: true })
  address?: Rel<StockLocationAddress> | null = null;

  @Field(() => String, { nullable: true })
  get addressId(): Opt<string> | null {
    return this.address?.id ?? null;
  }

  @MetadataField()
  metadata?: Metadata = null;
}

/**
 * A stock location serving a sales channel: orders of the channel are fulfilled from, and its
 * availability counted at, the channel's locations. Links are removed for good (never soft);
 * `deleted_at` is there because Medusa's answers carry it.
 */
@ObjectType({ description: 'A link between a sales channel and a stock location.', simpleResolvers: true })
@Entity({ tableName: 'sales_channel_location' })
@Index({ name: 'sales_channel_location_unique', expression: 'create unique index "sales_channel_location_unique" on "sales_channel_location" ("sales_channel_id", "location_id")' })
@Index({ properties: ['location'] })
export class SalesChannelLocation extends SoftDeletable {
  static idPrefix = 'scloc';

  @ManyToOne(() => SalesChannel, { fieldName: 'sales_channel_id', deleteRule: 'cascade' })
  salesChannel!: Rel<SalesChannel>;

  @ManyToOne(() => StockLocation, { fieldName: 'location_id', deleteRule: 'cascade' })
  location!: Rel<StockLocation>;

  @Field(() => String)
  get salesChannelId(): Opt<string> {
    return this.salesChannel.id;
  }

  @Field(() => String)
  get locationId(): Opt<string> {
    return this.location.id;
  }
}
