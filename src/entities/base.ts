import { Filter, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { newId } from '../lib/ids';

/**
 * Columns every Medusa record has: a prefixed ULID id and timestamps. The id prefix comes from
 * the subclass's static `idPrefix`. The id is set when the object is made (not at flush), so a
 * service can use it at once, in events or links; a supplied id is kept, as Medusa does.
 */
@ObjectType()
export abstract class BaseEntity {
  static idPrefix = '';
  [OptionalProps]?: 'id' | 'createdAt' | 'updatedAt' | 'metadata' | 'deletedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'string', columnType: 'varchar(64)' })
  id: string = newId((this.constructor as typeof BaseEntity).idPrefix);

  @Field()
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field()
  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/**
 * Soft-deletable record: deletes set `deleted_at`, and the default filter hides such rows from
 * every query (lists, gets, relation loads). Pass `filters: { softDelete: false }` to see them.
 */
@ObjectType()
@Filter({ name: 'softDelete', cond: { deletedAt: null }, default: true })
export abstract class SoftDeletable extends BaseEntity {
  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  deletedAt?: Date | null = null;
}

/**
 * The physical and customs attributes Medusa gives both products and variants (a variant's own
 * values override its product's when set).
 */
@ObjectType()
export abstract class ShippableEntity extends SoftDeletable {
  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  weight?: number | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  length?: number | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  height?: number | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  width?: number | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  hsCode?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  originCountry?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  midCode?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  material?: string | null = null;
}

/** A JSON object column that clients own: its keys are never rewritten. */
export function MetadataField(): PropertyDecorator {
  return (target, key) => {
    Field(() => GraphQLJSONObject, { nullable: true })(target, key);
    Property({ type: 'json', nullable: true })(target, key as string);
  };
}

export type Metadata = Record<string, unknown> | null;
