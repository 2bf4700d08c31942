import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { MetadataField, Metadata, SoftDeletable } from './base';

@ObjectType({ description: 'A label on products; products find or create tags by value.', simpleResolvers: true })
@Entity({ tableName: 'product_tag' })
@Index({ properties: ['value'] })
@Index({ properties: ['createdAt'] })
@Index({ properties: ['updatedAt'] })
export class ProductTag extends SoftDeletable {
  static idPrefix = 'ptag';

  @Field()
  @Property({ type: 'string' })
  value!: string;

  @MetadataField()
  metadata?: Metadata = null;
}
