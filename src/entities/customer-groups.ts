import { Collection, Entity, Index, ManyToMany, ManyToOne, Property, Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { MetadataField, Metadata, SoftDeletable } from './base';
import { Customer } from './customers';
import { PriceList } from './price-lists';

@ObjectType({ description: 'A named group of customers, used by price lists and discount conditions.' })
@Entity({ tableName: 'customer_group' })
// Names are unique among live groups, so a deleted group's name is free again.
@Index({ name: 'customer_group_name_unique', expression: 'create unique index "customer_group_name_unique" on "customer_group" ("name") where "deleted_at" is null' })
@Index({ properties: ['createdAt'] })
@Index({ properties: ['updatedAt'] })
export class CustomerGroup extends SoftDeletable {
  static idPrefix = 'cgrp';

  @Field()
  @Property({ type: 'string' })
  name!: string;

  @ManyToMany(() => Customer, (c) => c.groups)
  customers = new Collection<Customer>(this);

  // The price lists for this group (the inverse of PriceList.customerGroups; no column of its own).
  @ManyToMany(() => PriceList, (p) => p.customerGroups)
  priceLists = new Collection<PriceList>(this);

  @MetadataField()
  metadata?: Metadata = null;
}

/**
 * The customer ↔ group link. An explicit pivot so that both directions have an index: the
 * primary key (customer_id first) serves "groups of a customer", the customer_group_id index
 * "customers of a group".
 */
@Entity({ tableName: 'customer_group_customers' })
export class CustomerGroupCustomer {
  @ManyToOne(() => CustomerGroup, { primary: true, fieldName: 'customer_group_id', deleteRule: 'cascade', index: true })
  customerGroup!: Rel<CustomerGroup>;

  @ManyToOne(() => Customer, { primary: true, fieldName: 'customer_id', deleteRule: 'cascade' })
  customer!: Rel<Customer>;
}
