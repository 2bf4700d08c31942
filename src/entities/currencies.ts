import { Entity, Index, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An ISO 4217 currency; its code (lower-case) is its id.' })
@Entity({ tableName: 'currency' })
@Index({ properties: ['name'] })
export class Currency {
  [PrimaryKeyProp]?: 'code';

  @Field()
  @PrimaryKey({ type: 'string' })
  code!: string;

  @Field()
  @Property({ type: 'string' })
  symbol!: string;

  @Field()
  @Property({ type: 'string' })
  symbolNative!: string;

  @Field()
  @Property({ type: 'string' })
  name!: string;

  @Field()
  @Property({ type: 'boolean', default: false })
  includesTax: boolean = false;
}
