import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { MetadataField, Metadata, SoftDeletable } from './base';
import { UserRole } from './users';

@ObjectType({ description: 'An invitation for a new admin user; the token goes into the invite link.' })
@Entity({ tableName: 'invite' })
@Index({ name: 'invite_email_unique', expression: 'create unique index "invite_email_unique" on "invite" ("user_email") where "deleted_at" is null' })
export class Invite extends SoftDeletable {
  static idPrefix = 'invite';

  @Field()
  @Property({ type: 'string' })
  userEmail!: string;

  @Field(() => UserRole, { nullable: true })
  @Enum({ items: () => UserRole, nullable: true, default: UserRole.member })
  role?: UserRole | null = UserRole.member;

  @Field()
  @Property({ type: 'boolean', default: false })
  accepted: boolean = false;

  // Shown to admins (as Medusa does) so that they can share the invite link.
  @Field()
  @Property({ type: 'string', unique: true })
  token!: string;

  @Field()
  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @MetadataField()
  metadata?: Metadata = null;
}
