import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { ItemAtLocation } from './inventory-items';

/**
 * A quantity of an item held at a location, for an order's line item or by hand. It counts in
 * the level's `reserved_quantity` (services/reservations.ts keeps the two in step).
 */
@ObjectType({ description: 'A quantity of an inventory item held at a stock location (for a line item, or by hand).', simpleResolvers: true })
@Entity({ tableName: 'reservation_item' })
@Index({ properties: ['createdAt'] })
@Index({ properties: ['updatedAt'] })
@Index({ properties: ['quantity'] })
@Index({ properties: ['description'] })
@Index({ properties: ['createdBy'] })
export class Reservation extends ItemAtLocation {
  static idPrefix = 'resitem';

  /** The order line item the reservation is for; a plain column until orders exist. */
  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true, index: true })
  lineItemId?: string | null = null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  quantity!: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  externalId?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string | null = null;

  @Field(() => String, { nullable: true, description: 'The id of the user who made it.' })
  @Property({ type: 'text', nullable: true })
  createdBy?: string | null = null;
}
