import type { Context } from '../context';
import { lockRow } from '../lib/locks';
import { Customer } from '../entities/customers';
import { DiscountCondition } from '../entities/discounts';
import { CustomerGroup, CustomerGroupCustomer } from '../entities/customer-groups';
import { AppError, duplicate } from '../lib/errors';
import { findPage, ListSpec, PageArgs, whereOf } from '../lib/list';
import { mergeMetadata } from '../lib/metadata';
import { DeleteResponse } from '../../schema/common';
import type { CustomerFilter } from '../../schema/customers';
import type { CreateCustomerGroupInput, CustomerGroupFilter, UpdateCustomerGroupInput } from '../../schema/customer-groups';
import { listCustomers } from './customers';

const LIST: ListSpec = {
  orderable: ['name', 'createdAt', 'updatedAt'],
  searchable: ['name'],
};

export async function listCustomerGroups(ctx: Context, filter: CustomerGroupFilter | undefined, args: PageArgs) {
  const where: Record<string, unknown> = whereOf(filter, ['discountConditionId']);
  if (filter?.discountConditionId) where.$and = [{ id: { $in: await groupsOfCondition(ctx, filter.discountConditionId) } }];
  return findPage(ctx, CustomerGroup, where, args, LIST);
}

/** The groups a discount condition applies to; none for an unknown condition. */
async function groupsOfCondition(ctx: Context, conditionId: string): Promise<string[]> {
  const condition = await ctx.em.findOne(DiscountCondition, { id: conditionId }, { populate: ['customerGroups'] });
  return condition ? condition.customerGroups.getItems().map((g) => g.id) : [];
}

/** Medusa's own wording for this entity: no colon after `id`, unlike most of its not-found messages. */
export const groupNotFound = (id: string) => new AppError('not_found', `CustomerGroup with id ${id} was not found`);

export async function retrieveCustomerGroup(ctx: Context, id: string, lock = false): Promise<CustomerGroup> {
  const group = await ctx.em.findOne(CustomerGroup, { id }, lock ? lockRow() : {});
  if (!group) throw groupNotFound(id);
  return group;
}

/**
 * Names are unique among live groups; the unique index settles races. The messages are Medusa's:
 * a create reports the database's detail, an update its generic unique-violation text.
 */
async function assertNameFree(ctx: Context, name: string, exceptId?: string): Promise<void> {
  const where = exceptId ? { name, id: { $ne: exceptId } } : { name };
  if (!(await ctx.em.count(CustomerGroup, where))) return;
  throw duplicate(exceptId ? `Customer_group with name ${name} already exists.` : `Key (name)=(${name}) already exists.`);
}

export async function createCustomerGroup(ctx: Context, input: CreateCustomerGroupInput): Promise<CustomerGroup> {
  await assertNameFree(ctx, input.name);
  const group = ctx.em.create(CustomerGroup, { name: input.name, metadata: mergeMetadata(null, input.metadata) });
  await ctx.em.flush();
  return group;
}

export async function updateCustomerGroup(ctx: Context, id: string, input: UpdateCustomerGroupInput): Promise<CustomerGroup> {
  const group = await retrieveCustomerGroup(ctx, id, true); // locked: concurrent metadata merges must not be lost
  if (input.name != null && input.name !== group.name) {
    await assertNameFree(ctx, input.name, id);
    group.name = input.name;
  }
  // Medusa ignores `metadata: null` (nothing to merge).
  if (input.metadata != null) group.metadata = mergeMetadata(group.metadata, input.metadata);
  await ctx.em.flush();
  return group;
}

/**
 * Soft delete; the group's customer links go with it, so customers no longer show the group.
 * An unknown (or already deleted) group is deleted already: Medusa answers the same 200.
 */
export async function deleteCustomerGroup(ctx: Context, id: string): Promise<DeleteResponse> {
  const group = await ctx.em.findOne(CustomerGroup, { id });
  if (group) {
    group.deletedAt = new Date();
    await ctx.em.nativeDelete(CustomerGroupCustomer, { customerGroup: id });
    await ctx.em.flush();
  }
  return DeleteResponse.of(id, 'customer_group');
}

/**
 * The customers of a group, with the filters of the customer list; as in Medusa, the group of the
 * path replaces any `groups` filter. Medusa does not look the group up: an unknown group simply
 * has no customers (an empty page, not a 404).
 */
export function listGroupCustomers(ctx: Context, id: string, filter: CustomerFilter | undefined, args: PageArgs) {
  return listCustomers(ctx, { ...filter, groups: undefined }, args, id);
}

/**
 * Adds customers to the group; customers already in it stay as they are. Every customer must
 * exist: the unknown ones are named all together, in Medusa's words.
 */
export async function addGroupCustomers(ctx: Context, id: string, customerIds: string[]): Promise<CustomerGroup> {
  const group = await retrieveCustomerGroup(ctx, id);
  const ids = [...new Set(customerIds)];
  if (!ids.length) return group;
  const found = await ctx.em.find(Customer, { id: { $in: ids } }, { fields: ['id'] });
  const missing = ids.filter((cid) => !found.some((c) => c.id === cid));
  if (missing.length) throw new AppError('not_found', `The following customer ids do not exist: ${JSON.stringify(missing.join(', '))}`);
  const qb = ctx.em.createQueryBuilder(CustomerGroupCustomer).insert(ids.map((cid) => ({ customerGroup: id, customer: cid })));
  await qb.onConflict(['customer', 'customerGroup']).ignore().execute();
  return group;
}

/** Removes customers from the group; ids that are not in it are ignored. */
export async function removeGroupCustomers(ctx: Context, id: string, customerIds: string[]): Promise<CustomerGroup> {
  const group = await retrieveCustomerGroup(ctx, id);
  if (!customerIds.length) return group;
  await ctx.em.nativeDelete(CustomerGroupCustomer, { customerGroup: id, customer: { $in: [...new Set(customerIds)] } });
  return group;
}
