import { Entity, Index, ManyToOne, Property, Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { MetadataField, Metadata, SoftDeletable } from './base';
import { User } from './users';

@ObjectType({ description: 'A note an admin user left on a record (an order, a customer, ...).' })
@Entity({ tableName: 'note' })
@Index({ properties: ['createdAt'] })
export class Note extends SoftDeletable {
  static idPrefix = 'note';

  @Field()
  @Property({ type: 'text' })
  value!: string;

  @Field()
  @Property({ type: 'string', index: true })
  resourceType!: string;

  @Field()
  @Property({ type: 'string', index: true })
  resourceId!: string;

  // The user who wrote it; kept (as null) when that user's row is removed.
  @ManyToOne(() => User, { nullable: true, fieldName: 'author_id', index: true, deleteRule: 'set null' })
  author?: Rel<User> | null = null;

  @Field(() => String, { nullable: true })
  get authorId(): string | null {
    return this.author?.id ?? null;
  }

  @MetadataField()
  metadata?: Metadata = null;
}
