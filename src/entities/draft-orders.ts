import { Entity, Enum, Index, ManyToOne, Opt, Property, Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity, MetadataField, Metadata } from './base';
import { Cart, Order } from './orders';

export enum DraftOrderStatus { open = 'open', completed = 'completed' }
registerEnumType(DraftOrderStatus, { name: 'DraftOrderStatus' });

@ObjectType({ description: 'An order an admin prepares (its content is a cart) and later marks as paid, making the order.' })
@Entity({ tableName: 'draft_order' })
@Index({ properties: ['createdAt'] })
@Index({ properties: ['updatedAt'] })
export class DraftOrder extends BaseEntity {
  static idPrefix = 'dorder';

  @Field(() => DraftOrderStatus)
  @Enum({ items: () => DraftOrderStatus, default: DraftOrderStatus.open, index: true })
  status: Opt<DraftOrderStatus> = DraftOrderStatus.open;

  /** Sequential, from its own sequence (Medusa answers it as a string). */
  @Field(() => Int)
  @Property({ type: 'integer', autoincrement: true, unique: true })
  displayId!: Opt<number>;

  @ManyToOne(() => Cart, { fieldName: 'cart_id', nullable: true, unique: true })
  cart?: Rel<Cart> | null = null;
  @Field(() => String, { nullable: true }) get cartId(): string | null { return this.cart?.id ?? null; }

  @ManyToOne(() => Order, { fieldName: 'order_id', nullable: true, unique: true, deleteRule: 'set null' })
  order?: Rel<Order> | null = null;
  @Field(() => String, { nullable: true }) get orderId(): string | null { return this.order?.id ?? null; }

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  canceledAt?: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  completedAt?: Date | null = null;

  @Field(() => Boolean, { nullable: true })
  @Property({ type: 'boolean', nullable: true })
  noNotificationOrder?: boolean | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  idempotencyKey?: string | null = null;

  @MetadataField() metadata?: Metadata = null;
}
