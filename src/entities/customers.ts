import { Collection, Entity, Index, ManyToMany, ManyToOne, OneToMany, Property, Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { MetadataField, Metadata, SoftDeletable } from './base';
import { CustomerGroup, CustomerGroupCustomer } from './customer-groups';

@ObjectType({ description: 'A customer of the store; with an account when it has a password.' })
@Entity({ tableName: 'customer' })
// As in Medusa: one live customer per email with an account (and one guest record per email).
@Index({ name: 'customer_email_has_account_unique', expression: 'create unique index "customer_email_has_account_unique" on "customer" ("email", "has_account") where "deleted_at" is null' })
@Index({ properties: ['createdAt'] })
@Index({ properties: ['updatedAt'] })
export class Customer extends SoftDeletable {
  static idPrefix = 'cus';

  @Field()
  @Property({ type: 'string', index: true })
  email!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true, index: true })
  firstName?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true, index: true })
  lastName?: string | null = null;

  // The billing address is an Address row; the id is exposed as a column, the row via a field resolver.
  @ManyToOne(() => Address, { nullable: true, fieldName: 'billing_address_id', deleteRule: 'set null' })
  billingAddress?: Rel<Address> | null = null;

  @Field(() => String, { nullable: true })
  get billingAddressId(): string | null {
    return this.billingAddress?.id ?? null;
  }

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  phone?: string | null = null;

  @Field()
  @Property({ type: 'boolean', default: false, index: true })
  hasAccount: boolean = false;

  // Secret: never a GraphQL field, never serialized.
  @Property({ type: 'string', nullable: true, hidden: true, lazy: true })
  passwordHash?: string | null = null;

  @OneToMany(() => Address, (a) => a.customer)
  shippingAddresses = new Collection<Address>(this);

  @ManyToMany({ entity: () => CustomerGroup, pivotEntity: () => CustomerGroupCustomer, joinColumn: 'customer_id', inverseJoinColumn: 'customer_group_id' })
  groups = new Collection<CustomerGroup>(this);

  @MetadataField()
  metadata?: Metadata = null;
}

@ObjectType({ description: 'A postal address, a customer\'s shipping address or billing address.' })
@Entity({ tableName: 'address' })
export class Address extends SoftDeletable {
  static idPrefix = 'addr';

  @ManyToOne(() => Customer, { nullable: true, fieldName: 'customer_id', index: true })
  customer?: Rel<Customer> | null = null;

  @Field(() => String, { nullable: true })
  get customerId(): string | null {
    return this.customer?.id ?? null;
  }

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  company?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  firstName?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  lastName?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true, fieldName: 'address_1' })
  address1?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true, fieldName: 'address_2' })
  address2?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  city?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  countryCode?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  province?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  postalCode?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  phone?: string | null = null;

  @MetadataField()
  metadata?: Metadata = null;
}
