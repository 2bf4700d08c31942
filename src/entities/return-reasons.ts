import { Entity, Index, ManyToOne, Property, Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { MetadataField, Metadata, SoftDeletable } from './base';

@ObjectType({ description: 'Why a customer returns an item; a reason may have one level of more precise child reasons.' })
@Entity({ tableName: 'return_reason' })
// Values are unique among live reasons only, so a deleted reason's value can be used again.
@Index({ name: 'return_reason_value_unique', expression: 'create unique index "return_reason_value_unique" on "return_reason" ("value") where "deleted_at" is null' })
@Index({ properties: ['createdAt'] })
export class ReturnReason extends SoftDeletable {
  static idPrefix = 'rr';

  @Field()
  @Property({ type: 'string' })
  value!: string;

  @Field()
  @Property({ type: 'string' })
  label!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  description?: string | null = null;

  @Index()
  @ManyToOne(() => ReturnReason, { fieldName: 'parent_return_reason_id', nullable: true })
  parentReturnReason?: Rel<ReturnReason> | null = null;

  // The foreign key itself, read from the (possibly unloaded) reference: no query needed.
  @Field(() => String, { nullable: true })
  get parentReturnReasonId(): string | null {
    return this.parentReturnReason?.id ?? null;
  }

  @MetadataField()
  metadata?: Metadata = null;
}
