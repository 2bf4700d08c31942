import { Collection, Entity, Enum, Index, OneToMany, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { MetadataField, Metadata, SoftDeletable } from './base';
import { ShippingOption } from './shipping-options';

export enum ShippingProfileType {
  default = 'default',
  gift_card = 'gift_card',
  custom = 'custom',
}
registerEnumType(ShippingProfileType, {
  name: 'ShippingProfileType',
  description: '`default` and `gift_card` are the two profiles every store starts with; the ones an admin creates are `custom`.',
});

@ObjectType({ description: 'A group of products shipped with the same shipping options.' })
@Entity({ tableName: 'shipping_profile' })
@Index({ properties: ['createdAt'] })
export class ShippingProfile extends SoftDeletable {
  static idPrefix = 'sp';

  @Field()
  @Property({ type: 'string' })
  name!: string;

  @Field(() => ShippingProfileType)
  @Index()
  @Enum({ items: () => ShippingProfileType })
  type!: ShippingProfileType;

  // Exposed through a batched field resolver, not as a plain field.
  @OneToMany(() => ShippingOption, (o) => o.profile)
  shippingOptions = new Collection<ShippingOption>(this);

  @MetadataField()
  metadata?: Metadata = null;
}
