import { startApp, TestApp } from './helpers';
import { Customer } from '../src/entities/customers';
import { CustomerGroup } from '../src/entities/customer-groups';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

describe('customer entities', () => {
  it('stores a customer in a group', async () => {
    const em = t.em();
    const group = em.create(CustomerGroup, { name: 'VIP' });
    const customer = em.create(Customer, { email: 'a@b.c', hasAccount: false });
    customer.groups.add(group);
    await em.flush();
    expect(customer.id).toMatch(/^cus_/);
    expect(group.id).toMatch(/^cgrp_/);
    const again = await t.em().findOneOrFail(CustomerGroup, group.id, { populate: ['customers'] });
    expect(again.customers.getItems().map((c) => c.id)).toEqual([customer.id]);
  });
});
