import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { Address, Customer } from '../src/entities/customers';
import { CustomerGroup } from '../src/entities/customer-groups';
import { Country } from '../src/entities/regions';
import * as customers from '../src/services/customers';
import { Order } from '../src/entities/orders';
import { childrenOf } from '../src/services/orders';
import { CreateCustomerInput, CustomerList, CustomerListArgs, UpdateCustomerInput } from '../schema/customers';

@Resolver(() => Customer)
export class CustomersResolver {
  @Query(() => CustomerList, { description: 'Customers, filtered and paged.' })
  customers(@Args() { filter, ...page }: CustomerListArgs, @Ctx() ctx: Context) {
    return customers.listCustomers(ctx, filter, page);
  }

  @Query(() => Customer)
  customer(@Arg('id') id: string, @Ctx() ctx: Context) {
    return customers.retrieveCustomer(ctx, id);
  }

  @Mutation(() => Customer, { description: 'Creates a customer with an account (the password is required).' })
  createCustomer(@Arg('input') input: CreateCustomerInput, @Ctx() ctx: Context) {
    return customers.createCustomer(ctx, input);
  }

  @Mutation(() => Customer)
  updateCustomer(@Arg('id') id: string, @Arg('input') input: UpdateCustomerInput, @Ctx() ctx: Context) {
    return customers.updateCustomer(ctx, id, input);
  }

  @FieldResolver(() => [CustomerGroup])
  groups(@Root() root: Customer, @Ctx() ctx: Context) {
    return ctx.loaders.relation<Customer, CustomerGroup[]>(root, 'groups');
  }

  @FieldResolver(() => [Order], { description: 'The customer\'s orders, oldest first.' })
  orders(@Root() root: Customer, @Ctx() ctx: Context) {
    return childrenOf(ctx, Order, 'customer', root.id);
  }

  @FieldResolver(() => [Address])
  shippingAddresses(@Root() root: Customer, @Ctx() ctx: Context) {
    return customers.shippingAddressesOf(ctx, root);
  }

  @FieldResolver(() => Address, { nullable: true })
  billingAddress(@Root() root: Customer, @Ctx() ctx: Context) {
    return customers.billingAddressOf(ctx, root);
  }
}

@Resolver(() => Address)
export class AddressResolver {
  @FieldResolver(() => Customer, { nullable: true })
  customer(@Root() root: Address, @Ctx() ctx: Context) {
    return root.customer ? ctx.loaders.byId(Customer, root.customer.id) : null;
  }

  @FieldResolver(() => Country, { nullable: true })
  country(@Root() root: Address, @Ctx() ctx: Context) {
    return root.countryCode ? ctx.loaders.byId(Country, root.countryCode.toLowerCase(), 'iso2') : null;
  }
}
