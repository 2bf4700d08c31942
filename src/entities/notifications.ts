import { Collection, Entity, Index, ManyToOne, OneToMany, Property, Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { BaseEntity } from './base';
import { Provider } from './store';
import { Customer } from './customers';

@ObjectType({ description: 'A notification provider (Medusa\'s notification_provider table).' })
@Entity({ tableName: 'notification_provider' })
export class NotificationProvider extends Provider {}

@ObjectType({ description: 'A message a provider sent (or, for the built-in provider, recorded) in reaction to a domain event.' })
@Entity({ tableName: 'notification' })
@Index({ properties: ['createdAt'] })
export class Notification extends BaseEntity {
  static idPrefix = 'noti';

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true, index: true })
  eventName?: string | null = null;

  /** The domain event this records (none for resends): an event is recorded once, however often delivered. */
  @Property({ type: 'string', nullable: true, unique: true, hidden: true })
  eventId?: string | null = null;

  @Field()
  @Property({ type: 'string', index: true })
  resourceType!: string;

  @Field()
  @Property({ type: 'string', index: true })
  resourceId!: string;

  @ManyToOne(() => Customer, { nullable: true, fieldName: 'customer_id', index: true, deleteRule: 'set null' })
  customer?: Rel<Customer> | null = null;

  @Field(() => String, { nullable: true })
  get customerId(): string | null {
    return this.customer?.id ?? null;
  }

  @Field()
  @Property({ type: 'string', index: true })
  to!: string;

  @Field(() => GraphQLJSONObject)
  @Property({ type: 'json' })
  data: Record<string, unknown> = {};

  @ManyToOne(() => Notification, { nullable: true, fieldName: 'parent_id', index: true })
  parentNotification?: Rel<Notification> | null = null;

  @Field(() => String, { nullable: true })
  get parentId(): string | null {
    return this.parentNotification?.id ?? null;
  }

  @OneToMany(() => Notification, (n) => n.parentNotification)
  resends = new Collection<Notification>(this);

  @ManyToOne(() => NotificationProvider, { nullable: true, fieldName: 'provider_id' })
  provider?: Rel<NotificationProvider> | null = null;

  @Field(() => String, { nullable: true })
  get providerId(): string | null {
    return this.provider?.id ?? null;
  }
}
