import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { Customer } from '../src/entities/customers';
import { CustomerGroup } from '../src/entities/customer-groups';
import { PriceList } from '../src/entities/price-lists';
import * as groups from '../src/services/customer-groups';
import { DeleteResponse } from '../schema/common';
import { CustomerList } from '../schema/customers';
import {
  CreateCustomerGroupInput, CustomerGroupCustomersArgs, CustomerGroupCustomersInput, CustomerGroupList, CustomerGroupListArgs, UpdateCustomerGroupInput,
} from '../schema/customer-groups';

@Resolver(() => CustomerGroup)
export class CustomerGroupsResolver {
  @Query(() => CustomerGroupList, { description: 'Customer groups, filtered and paged.' })
  customerGroups(@Args() { filter, ...page }: CustomerGroupListArgs, @Ctx() ctx: Context) {
    return groups.listCustomerGroups(ctx, filter, page);
  }

  @Query(() => CustomerGroup)
  customerGroup(@Arg('id') id: string, @Ctx() ctx: Context) {
    return groups.retrieveCustomerGroup(ctx, id);
  }

  @Query(() => CustomerList, { description: 'The customers of a group, with the customer list filters.' })
  customerGroupCustomers(@Args() { id, filter, ...page }: CustomerGroupCustomersArgs, @Ctx() ctx: Context) {
    return groups.listGroupCustomers(ctx, id, filter, page);
  }

  @Mutation(() => CustomerGroup)
  createCustomerGroup(@Arg('input') input: CreateCustomerGroupInput, @Ctx() ctx: Context) {
    return groups.createCustomerGroup(ctx, input);
  }

  @Mutation(() => CustomerGroup)
  updateCustomerGroup(@Arg('id') id: string, @Arg('input') input: UpdateCustomerGroupInput, @Ctx() ctx: Context) {
    return groups.updateCustomerGroup(ctx, id, input);
  }

  @Mutation(() => DeleteResponse)
  deleteCustomerGroup(@Arg('id') id: string, @Ctx() ctx: Context) {
    return groups.deleteCustomerGroup(ctx, id);
  }

  @Mutation(() => CustomerGroup)
  addCustomerGroupCustomers(@Arg('id') id: string, @Arg('input') input: CustomerGroupCustomersInput, @Ctx() ctx: Context) {
    return groups.addGroupCustomers(ctx, id, input.customerIds.map((c) => c.id));
  }

  @Mutation(() => CustomerGroup)
  removeCustomerGroupCustomers(@Arg('id') id: string, @Arg('input') input: CustomerGroupCustomersInput, @Ctx() ctx: Context) {
    return groups.removeGroupCustomers(ctx, id, input.customerIds.map((c) => c.id));
  }

  @FieldResolver(() => [Customer])
  customers(@Root() root: CustomerGroup, @Ctx() ctx: Context) {
    return ctx.loaders.relation<CustomerGroup, Customer[]>(root, 'customers');
  }

  @FieldResolver(() => [PriceList], { description: 'The price lists that apply to this group.' })
  priceLists(@Root() root: CustomerGroup, @Ctx() ctx: Context) {
    return ctx.loaders.relation<CustomerGroup, PriceList[]>(root, 'priceLists');
  }
}
