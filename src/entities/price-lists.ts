import { Collection, Entity, Enum, Index, ManyToMany, ManyToOne, Opt, Property, Rel } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { SoftDeletable } from './base';
import { CustomerGroup } from './customer-groups';

export enum PriceListType {
  sale = 'sale',
  override = 'override',
}
registerEnumType(PriceListType, { name: 'PriceListType', description: 'A sale shows the original price struck through; an override replaces it.' });

export enum PriceListStatus {
  active = 'active',
  draft = 'draft',
}
registerEnumType(PriceListStatus, { name: 'PriceListStatus' });

@ObjectType({ description: 'Prices that apply instead of the variants\' own, for a period and/or for customer groups.' })
@Entity({ tableName: 'price_list' })
@Index({ properties: ['name'] })
@Index({ properties: ['status'] })
@Index({ properties: ['type'] })
@Index({ properties: ['createdAt'] })
@Index({ properties: ['updatedAt'] })
@Index({ properties: ['deletedAt'] })
export class PriceList extends SoftDeletable {
  static idPrefix = 'pl';

  @Field()
  @Property({ type: 'string' })
  name!: string;

  @Field()
  @Property({ type: 'string' })
  description!: string;

  @Field(() => PriceListType)
  @Enum({ items: () => PriceListType, default: PriceListType.sale })
  type: Opt<PriceListType> = PriceListType.sale;

  @Field(() => PriceListStatus)
  @Enum({ items: () => PriceListStatus, default: PriceListStatus.draft })
  status: Opt<PriceListStatus> = PriceListStatus.draft;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  startsAt?: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  endsAt?: Date | null = null;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  includesTax: Opt<boolean> = false;

  @ManyToMany({ entity: () => CustomerGroup, pivotEntity: () => PriceListCustomerGroup })
  customerGroups = new Collection<CustomerGroup>(this);
}

/**
 * The price list ↔ customer group link, explicit so that both directions have an index: the
 * primary key (price_list_id first) serves "groups of a list", the customer_group_id index the
 * `customer_groups` filter of the list.
 */
@Entity({ tableName: 'price_list_customer_groups' })
export class PriceListCustomerGroup {
  @ManyToOne(() => PriceList, { primary: true, fieldName: 'price_list_id', deleteRule: 'cascade' })
  priceList!: Rel<PriceList>;

  @ManyToOne(() => CustomerGroup, { primary: true, fieldName: 'customer_group_id', deleteRule: 'cascade', index: true })
  customerGroup!: Rel<CustomerGroup>;
}
