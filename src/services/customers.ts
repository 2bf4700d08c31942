import type { Context } from '../context';
import { lockRow } from '../lib/locks';
import { Address, Customer } from '../entities/customers';
import { CustomerGroup } from '../entities/customer-groups';
import { AppError, duplicate, invalid, notFound } from '../lib/errors';
import { findPage, ListSpec, PageArgs, whereOf } from '../lib/list';
import { mergeMetadata } from '../lib/metadata';
import { hashPassword } from '../lib/password';
import type { CreateCustomerInput, CustomerFilter, UpdateCustomerInput } from '../../schema/customers';

/**
 * Medusa's customer list has no default order: PostgreSQL answers in storage order, which for
 * customers is the order they were created in. Oldest first is that order, made deterministic.
 */
const LIST: ListSpec = {
  orderable: ['id', 'email', 'firstName', 'lastName', 'hasAccount', 'createdAt', 'updatedAt'],
  searchable: ['email', 'firstName', 'lastName'],
  defaultOrder: { createdAt: 'asc' },
};

/**
 * Customers, filtered as Medusa's list: `groups` keeps customers in any of the given groups
 * (`inGroup`, for a group's own customer list, must hold as well). Group conditions are `$some`
 * subqueries, so a customer in two of the groups is counted and paged once.
 */
export function listCustomers(ctx: Context, filter: CustomerFilter | undefined, args: PageArgs, inGroup?: string) {
  const where: Record<string, unknown> = whereOf(filter, ['groups']);
  const groupConditions = [filter?.groups, inGroup && [inGroup]].filter((g): g is string[] => !!g);
  if (groupConditions.length) where.$and = groupConditions.map((ids) => ({ groups: { $some: { id: { $in: ids } } } }));
  return findPage(ctx, Customer, where, args, LIST);
}

export async function retrieveCustomer(ctx: Context, id: string, lock = false): Promise<Customer> {
  const customer = await ctx.em.findOne(Customer, { id }, lock ? lockRow() : {});
  if (!customer) throw notFound('Customer', id);
  return customer;
}

/** Emails are stored lower-case; a live customer with an account holds its email alone. */
async function assertEmailFree(ctx: Context, email: string): Promise<void> {
  if (await ctx.em.count(Customer, { email, hasAccount: true })) {
    throw duplicate('A customer with the given email already has an account. Log in instead');
  }
}

/** An admin-created customer always has a password, so it has an account. */
export async function createCustomer(ctx: Context, input: CreateCustomerInput): Promise<Customer> {
  const email = input.email.toLowerCase();
  await assertEmailFree(ctx, email);
  const customer = ctx.em.create(Customer, {
    email,
    firstName: input.firstName,
    lastName: input.lastName,
    phone: input.phone ?? null,
    hasAccount: true,
    passwordHash: await hashPassword(input.password),
    metadata: mergeMetadata(null, input.metadata),
  });
  await ctx.em.flush();
  return customer;
}

export async function updateCustomer(ctx: Context, id: string, input: UpdateCustomerInput): Promise<Customer> {
  const customer = await retrieveCustomer(ctx, id, true); // locked: concurrent metadata merges must not be lost
  if (input.email != null) changeEmail(customer, input.email);
  if (input.firstName !== undefined) customer.firstName = input.firstName;
  if (input.lastName !== undefined) customer.lastName = input.lastName;
  if (input.phone !== undefined) customer.phone = input.phone;
  if (input.password) customer.passwordHash = await hashPassword(input.password);
  // Medusa ignores `metadata: null` (nothing to merge).
  if (input.metadata != null) customer.metadata = mergeMetadata(customer.metadata, input.metadata);
  if (input.groups != null) await setGroups(ctx, customer, input.groups.map((g) => g.id));
  await ctx.em.flush();
  return customer;
}

/**
 * A customer with an account signs in with its email, so that email cannot change. As in Medusa,
 * any `email` in the update is refused for such a customer, even its current one.
 */
function changeEmail(customer: Customer, email: string): void {
  if (customer.hasAccount) throw invalid('Email cannot be changed when the user has registered their account');
  customer.email = email.toLowerCase();
}

/**
 * Replaces the customer's groups; every group must exist. Medusa reports an unknown group through
 * its foreign-key error: the first unknown id, in that error's words.
 */
async function setGroups(ctx: Context, customer: Customer, groupIds: string[]): Promise<void> {
  const unique = [...new Set(groupIds)];
  const groups = unique.length ? await ctx.em.find(CustomerGroup, { id: { $in: unique } }) : [];
  const missing = unique.filter((id) => !groups.some((g) => g.id === id));
  if (missing.length) throw new AppError('not_found', `Customer_group with customer_group_id ${missing[0]} does not exist.`);
  await ctx.em.populate(customer, ['groups']);
  customer.groups.set(groups);
}

/** The customer's live shipping addresses (the default soft-delete filter hides removed ones). */
export function shippingAddressesOf(ctx: Context, customer: Customer): Promise<Address[]> {
  return ctx.loaders.children(Address, 'customer', customer.id);
}

export async function billingAddressOf(ctx: Context, customer: Customer): Promise<Address | null> {
  return customer.billingAddress ? ctx.loaders.byId(Address, customer.billingAddress.id) : null;
}
