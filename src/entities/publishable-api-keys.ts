import { Collection, Entity, Index, ManyToMany, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from './base';
import { SalesChannel } from './sales-channels';

@ObjectType({ description: 'A key the storefront sends to scope its requests to some sales channels.' })
@Entity({ tableName: 'publishable_api_key' })
@Index({ properties: ['createdAt'] })
@Index({ properties: ['updatedAt'] })
@Index({ properties: ['revokedAt'] })
@Index({ properties: ['title'] })
export class PublishableApiKey extends BaseEntity {
  static idPrefix = 'pk';

  @Field()
  @Property({ type: 'string' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'The user who created the key.' })
  @Property({ type: 'string', nullable: true })
  createdBy?: string | null = null;

  @Field(() => String, { nullable: true, description: 'The user who revoked the key.' })
  @Property({ type: 'string', nullable: true })
  revokedBy?: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null = null;

  // Exposed through a batched field resolver and its own query.
  @ManyToMany({ entity: () => SalesChannel, pivotTable: 'publishable_api_key_sales_channel', joinColumn: 'publishable_key_id', inverseJoinColumn: 'sales_channel_id' })
  salesChannels = new Collection<SalesChannel>(this);
}
