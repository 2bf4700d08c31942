import { Entity, Enum, Index, Opt, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { MetadataField, Metadata, SoftDeletable } from './base';

export enum UserRole {
  admin = 'admin',
  member = 'member',
  developer = 'developer',
}
registerEnumType(UserRole, { name: 'UserRole', description: 'Roles exist as in Medusa v1; they grant no different privileges.' });

@ObjectType({ description: 'An admin user.' })
@Entity({ tableName: 'user' })
// Emails (stored lower-case) are unique among live users only, so a deleted user's email is free again.
@Index({ name: 'user_email_unique', expression: 'create unique index "user_email_unique" on "user" ("email") where "deleted_at" is null' })
// Every filter and order of the user list has an index.
@Index({ properties: ['createdAt'] })
@Index({ properties: ['updatedAt'] })
@Index({ properties: ['deletedAt'] })
@Index({ properties: ['firstName'] })
@Index({ properties: ['lastName'] })
export class User extends SoftDeletable {
  static idPrefix = 'usr';

  @Field()
  @Property({ type: 'string' })
  email!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  firstName?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  lastName?: string | null = null;

  @Field(() => UserRole)
  @Enum({ items: () => UserRole, default: UserRole.member })
  role: UserRole = UserRole.member;

  // Secrets: never a GraphQL field, never serialized.
  @Property({ type: 'string', nullable: true, hidden: true, lazy: true })
  passwordHash?: string | null = null;

  @Property({ type: 'string', nullable: true, hidden: true, unique: true })
  apiToken?: string | null = null;

  @Property({ type: 'string', nullable: true, hidden: true, lazy: true })
  resetTokenHash?: string | null = null;

  @Property({ type: 'timestamptz', nullable: true, hidden: true, lazy: true })
  resetTokenExpiresAt?: Date | null = null;

  /** Raised by a password change or reset: sessions and JWTs issued before it stop working. */
  @Property({ type: 'int', default: 0, hidden: true })
  tokenVersion: Opt<number> = 0;

  @MetadataField()
  metadata?: Metadata = null;
}
