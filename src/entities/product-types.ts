import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { MetadataField, Metadata, SoftDeletable } from './base';

@ObjectType({ description: 'The kind of a product; products find or create their type by value.', simpleResolvers: true })
@Entity({ tableName: 'product_type' })
@Index({ properties: ['value'] })
@Index({ properties: ['createdAt'] })
@Index({ properties: ['updatedAt'] })
export class ProductType extends SoftDeletable {
  static idPrefix = 'ptyp';

  @Field()
  @Property({ type: 'string' })
  value!: string;

  @MetadataField()
  metadata?: Metadata = null;
}
