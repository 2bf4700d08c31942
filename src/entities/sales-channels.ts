import { Entity, Index, Opt, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { MetadataField, Metadata, SoftDeletable } from './base';

@ObjectType({ description: 'A sales channel: where products are sold (web shop, app, marketplace).' })
@Entity({ tableName: 'sales_channel' })
@Index({ properties: ['name'] })
@Index({ properties: ['description'] })
@Index({ properties: ['isDisabled'] })
@Index({ properties: ['createdAt'] })
@Index({ properties: ['updatedAt'] })
@Index({ properties: ['deletedAt'] })
export class SalesChannel extends SoftDeletable {
  static idPrefix = 'sc';

  @Field()
  @Property({ type: 'string' })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  description?: string | null = null;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  isDisabled: Opt<boolean> = false;

  @MetadataField()
  metadata?: Metadata = null;
}
