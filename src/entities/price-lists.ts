import { Entity, Enum, Index, Opt, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { SoftDeletable } from './base';

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
}
