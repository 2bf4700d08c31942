import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@ObjectType({ description: 'An installed app (Medusa\'s OAuth table): an integration that admins authorize.' })
@Entity({ tableName: 'oauth' })
export class OAuthApp {
  static idPrefix = 'oauth';

  @Field()
  @PrimaryKey({ type: 'string' })
  id!: string;

  @Field()
  @Property({ type: 'string' })
  displayName!: string;

  @Field()
  @Property({ type: 'string', unique: true })
  applicationName!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  installUrl?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  uninstallUrl?: string | null = null;

  // The result of the last authorization (tokens of the third party); admins see it, as in Medusa.
  @Field(() => GraphQLJSONObject, { nullable: true })
  @Property({ type: 'json', nullable: true })
  data?: Record<string, unknown> | null = null;
}
