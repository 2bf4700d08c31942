import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { MetadataField, Metadata, SoftDeletable } from './base';

@ObjectType({ description: 'A product collection: a named group of products, such as a season or a line.' })
@Entity({ tableName: 'product_collection' })
// Handles are unique among live collections only, so a deleted collection's handle is free again.
@Index({ name: 'product_collection_handle_unique', expression: 'create unique index "product_collection_handle_unique" on "product_collection" ("handle") where "deleted_at" is null' })
@Index({ properties: ['title'] })
@Index({ properties: ['createdAt'] })
@Index({ properties: ['updatedAt'] })
@Index({ properties: ['deletedAt'] })
export class ProductCollection extends SoftDeletable {
  static idPrefix = 'pcol';

  @Field()
  @Property({ type: 'string' })
  title!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  handle?: string | null = null;

  @MetadataField()
  metadata?: Metadata = null;
}
