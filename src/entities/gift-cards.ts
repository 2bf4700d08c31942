import { Entity, Index, ManyToOne, Property, Rel } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { MetadataField, Metadata, SoftDeletable } from './base';
import { Region } from './regions';

@ObjectType({ description: 'A gift card: a code worth `value` in its region\'s currency, of which `balance` is left.' })
@Entity({ tableName: 'gift_card' })
@Index({ properties: ['createdAt'] })
@Index({ properties: ['updatedAt'] })
export class GiftCard extends SoftDeletable {
  static idPrefix = 'gift';

  @Field({ description: 'Four groups of four characters, e.g. 3RFT-MH2C-Y4YZ-XMN4.' })
  @Property({ type: 'string', unique: true })
  code!: string;

  @Field(() => Int, { description: 'In minor units of the region\'s currency.' })
  @Property({ type: 'int' })
  value!: number;

  @Field(() => Int, { description: 'What is left of the value; never above it nor below 0.' })
  @Property({ type: 'int' })
  balance!: number;

  @ManyToOne(() => Region, { fieldName: 'region_id', index: true })
  region!: Rel<Region>;

  @Field()
  get regionId(): string {
    return this.region.id;
  }

  // The order that sold the card; orders are not served yet, so this is a plain column.
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true, index: true })
  orderId?: string | null = null;

  @Field()
  @Property({ type: 'boolean', default: false })
  isDisabled: boolean = false;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  endsAt?: Date | null = null;

  @Field(() => Float, { nullable: true, description: 'The region\'s rate when it taxes gift cards, else null.' })
  @Property({ type: 'real', nullable: true })
  taxRate?: number | null = null;

  @MetadataField()
  metadata?: Metadata = null;
}
