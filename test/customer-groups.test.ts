import { startApp, TestApp, errorType } from './helpers';
import { Customer } from '../src/entities/customers';
import { CustomerGroup, CustomerGroupCustomer } from '../src/entities/customer-groups';
import { DiscountCondition, DiscountConditionOperator, DiscountConditionType, DiscountRule, DiscountRuleType } from '../src/entities/discounts';
import { PriceList } from '../src/entities/price-lists';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

const countGroups = () => t.em().count(CustomerGroup, {});
const linksOf = (groupId: string) => t.em().find(CustomerGroupCustomer, { customerGroup: groupId }).then((rows) => rows.map((r) => r.customer.id).sort());

async function newCustomer(email: string, hasAccount = true): Promise<string> {
  const em = t.em();
  const c = em.create(Customer, { email, hasAccount, firstName: email.split('@')[0] });
  await em.flush();
  return c.id;
}

describe('REST /admin/customer-groups', () => {
  let vipId: string;
  const customers: string[] = [];

  beforeAll(async () => {
    for (const name of ['ann', 'bob', 'cat']) customers.push(await newCustomer(`${name}@example.com`));
    customers.push(await newCustomer('guest@example.com', false));
  });

  it('creates a group (metadata kept as sent)', async () => {
    const res = await t.http.post('/admin/customer-groups').set(t.auth).send({ name: 'VIP', metadata: { camelKey: 1 } });
    expect(res.status).toBe(200);
    expect(res.body.customer_group).toMatchObject({ name: 'VIP', metadata: { camelKey: 1 }, deleted_at: null });
    expect(res.body.customer_group.id).toMatch(/^cgrp_[0-9A-Z]{26}$/);
    vipId = res.body.customer_group.id;
    expect(await t.em().count(CustomerGroup, { name: 'VIP' })).toBe(1);
  });

  it('refuses bad input (400) and a duplicate name (422), writing nothing', async () => {
    const before = await countGroups();
    for (const body of [{}, { name: 3 }, { name: 'X', foo: 1 }, { name: 'X', metadata: 3 }]) {
      const res = await t.http.post('/admin/customer-groups').set(t.auth).send(body);
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('invalid_data');
    }
    const dup = await t.http.post('/admin/customer-groups').set(t.auth).send({ name: 'VIP' });
    expect(dup.status).toBe(422);
    // Medusa's create reports the database's own detail.
    expect(dup.body).toEqual({ type: 'duplicate_error', code: 'invalid_request_error', message: 'Key (name)=(VIP) already exists.' });
    expect(await countGroups()).toBe(before);
  });

  it('accepts an empty name, as Medusa does (any string), unique like any other', async () => {
    const res = await t.http.post('/admin/customer-groups').set(t.auth).send({ name: '' });
    expect(res.status).toBe(200);
    expect(res.body.customer_group.name).toBe('');
    expect((await t.http.post('/admin/customer-groups').set(t.auth).send({ name: '' })).status).toBe(422);
    expect((await t.http.delete(`/admin/customer-groups/${res.body.customer_group.id}`).set(t.auth)).status).toBe(200);
  });

  it('gets, updates (metadata merged, unique name) and 404s', async () => {
    const got = await t.http.get(`/admin/customer-groups/${vipId}`).set(t.auth);
    expect(got.status).toBe(200);
    expect(got.body.customer_group.name).toBe('VIP');
    const other = await t.http.post('/admin/customer-groups').set(t.auth).send({ name: 'Other' });
    const upd = await t.http.post(`/admin/customer-groups/${vipId}`).set(t.auth).send({ name: 'VIPs', metadata: { camelKey: '', b: 2 } });
    expect(upd.status).toBe(200);
    expect(upd.body.customer_group).toMatchObject({ name: 'VIPs', metadata: { b: 2 } });
    // Medusa ignores `metadata: null`: the stored keys stay.
    expect((await t.http.post(`/admin/customer-groups/${vipId}`).set(t.auth).send({ metadata: null })).body.customer_group.metadata).toEqual({ b: 2 });
    expect((await t.em().findOneOrFail(CustomerGroup, vipId)).metadata).toEqual({ b: 2 });
    expect((await t.em().findOneOrFail(CustomerGroup, vipId)).name).toBe('VIPs');
    const dup = await t.http.post(`/admin/customer-groups/${vipId}`).set(t.auth).send({ name: 'Other' });
    expect(dup.status).toBe(422);
    expect(dup.body).toEqual({ type: 'duplicate_error', code: 'invalid_request_error', message: 'Customer_group with name Other already exists.' });
    expect((await t.http.post(`/admin/customer-groups/${vipId}`).set(t.auth).send({ name: 5 })).status).toBe(400);
    expect((await t.http.post(`/admin/customer-groups/${vipId}`).set(t.auth).send({ name: null })).status).toBe(200);
    expect((await t.em().findOneOrFail(CustomerGroup, vipId)).name).toBe('VIPs');
    expect((await t.http.get('/admin/customer-groups/cgrp_missing').set(t.auth)).body).toEqual({ type: 'not_found', message: 'CustomerGroup with id cgrp_missing was not found' });
    expect((await t.http.post('/admin/customer-groups/cgrp_missing').set(t.auth).send({ name: 'x' })).status).toBe(404);
    await t.http.delete(`/admin/customer-groups/${other.body.customer_group.id}`).set(t.auth);
  });

  it('adds customers in batch (idempotent), refusing unknown customers and groups', async () => {
    const res = await t.http.post(`/admin/customer-groups/${vipId}/customers/batch`).set(t.auth)
      .send({ customer_ids: [{ id: customers[0] }, { id: customers[1] }, { id: customers[0] }] });
    expect(res.status).toBe(200);
    expect(res.body.customer_group.id).toBe(vipId);
    // Medusa's batch handler reads no query string: the answer is the group alone.
    const again = await t.http.post(`/admin/customer-groups/${vipId}/customers/batch?expand=customers`).set(t.auth)
      .send({ customer_ids: [{ id: customers[1] }, { id: customers[3] }] });
    expect(again.status).toBe(200);
    expect(again.body.customer_group.customers).toBeUndefined();
    const read = await t.http.get(`/admin/customer-groups/${vipId}?expand=customers`).set(t.auth);
    expect(read.body.customer_group.customers.map((c: any) => c.id).sort()).toEqual([customers[0], customers[1], customers[3]].sort());
    expect(await linksOf(vipId)).toEqual([customers[0], customers[1], customers[3]].sort());

    const unknown = await t.http.post(`/admin/customer-groups/${vipId}/customers/batch`).set(t.auth).send({ customer_ids: [{ id: customers[2] }, { id: 'cus_missing' }] });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ type: 'not_found', message: 'The following customer ids do not exist: "cus_missing"' });
    const twoUnknown = await t.http.post(`/admin/customer-groups/${vipId}/customers/batch`).set(t.auth).send({ customer_ids: [{ id: 'cus_x' }, { id: customers[2] }, { id: 'cus_y' }] });
    expect(twoUnknown.body.message).toBe('The following customer ids do not exist: "cus_x, cus_y"');
    const noGroup = await t.http.post('/admin/customer-groups/cgrp_missing/customers/batch').set(t.auth).send({ customer_ids: [{ id: 'cus_missing' }] });
    expect(noGroup.status).toBe(404);
    expect(noGroup.body.message).toBe('CustomerGroup with id cgrp_missing was not found');
    for (const body of [{}, { customer_ids: [{}] }, { customer_ids: ['cus_1'] }]) {
      expect((await t.http.post(`/admin/customer-groups/${vipId}/customers/batch`).set(t.auth).send(body)).status).toBe(400);
    }
    // An empty batch changes nothing, as in Medusa.
    expect((await t.http.post(`/admin/customer-groups/${vipId}/customers/batch`).set(t.auth).send({ customer_ids: [] })).status).toBe(200);
    expect(await linksOf(vipId)).toEqual([customers[0], customers[1], customers[3]].sort());
  });

  it('lists the customers of a group with the customer filters', async () => {
    const res = await t.http.get(`/admin/customer-groups/${vipId}/customers`).set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ count: 3, offset: 0, limit: 50 });
    const ids = (r: any) => r.body.customers.map((c: any) => c.id).sort();
    expect(ids(await t.http.get(`/admin/customer-groups/${vipId}/customers?q=ann`).set(t.auth))).toEqual([customers[0]]);
    expect(ids(await t.http.get(`/admin/customer-groups/${vipId}/customers?has_account=false`).set(t.auth))).toEqual([customers[3]]);
    expect((await t.http.get(`/admin/customer-groups/${vipId}/customers?created_at[gt]=2999-01-01`).set(t.auth)).body.count).toBe(0);
    const paged = await t.http.get(`/admin/customer-groups/${vipId}/customers?limit=1&offset=1&order=email`).set(t.auth);
    expect(paged.body).toMatchObject({ count: 3, offset: 1, limit: 1 });
    expect(paged.body.customers.map((c: any) => c.email)).toEqual(['bob@example.com']);
    // Medusa lists by the group id without looking the group up: an empty page, not a 404.
    const unknown = await t.http.get('/admin/customer-groups/cgrp_missing/customers').set(t.auth);
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual({ customers: [], count: 0, offset: 0, limit: 50 });
  });

  it('answers group members with their groups, the path\'s group replacing a groups filter (Medusa)', async () => {
    const other = (await t.http.post('/admin/customer-groups').set(t.auth).send({ name: 'Members probe' })).body.customer_group.id;
    const res = await t.http.get(`/admin/customer-groups/${vipId}/customers?groups[]=${other}`).set(t.auth);
    expect(res.body.count).toBe(3);
    for (const c of res.body.customers) expect(c.groups.map((g: any) => g.id)).toContain(vipId);
    await t.http.delete(`/admin/customer-groups/${other}`).set(t.auth);
  });

  it('removes customers in batch (unknown ids ignored)', async () => {
    const res = await t.http.delete(`/admin/customer-groups/${vipId}/customers/batch`).set(t.auth).send({ customer_ids: [{ id: customers[1] }, { id: 'cus_missing' }] });
    expect(res.status).toBe(200);
    expect(res.body.customer_group.id).toBe(vipId);
    expect(await linksOf(vipId)).toEqual([customers[0], customers[3]].sort());
    expect((await t.http.delete(`/admin/customer-groups/${vipId}/customers/batch`).set(t.auth).send({})).status).toBe(400);
    expect((await t.http.delete('/admin/customer-groups/cgrp_missing/customers/batch').set(t.auth).send({ customer_ids: [{ id: customers[0] }] })).status).toBe(404);
  });

  it('lists groups with q, id, name, dates, order and paging', async () => {
    const b2b = (await t.http.post('/admin/customer-groups').set(t.auth).send({ name: 'B2B' })).body.customer_group.id;
    const all = await t.http.get('/admin/customer-groups').set(t.auth);
    expect(all.body).toMatchObject({ count: 2, offset: 0, limit: 10 });
    expect(all.body.customer_groups.map((g: any) => g.name)).toEqual(['B2B', 'VIPs']);
    const names = (r: any) => r.body.customer_groups.map((g: any) => g.name);
    expect(names(await t.http.get('/admin/customer-groups?q=vip').set(t.auth))).toEqual(['VIPs']);
    expect(names(await t.http.get(`/admin/customer-groups?id=${vipId}`).set(t.auth))).toEqual(['VIPs']);
    expect(names(await t.http.get(`/admin/customer-groups?id[]=${vipId}&id[]=${b2b}&order=name`).set(t.auth))).toEqual(['B2B', 'VIPs']);
    expect(names(await t.http.get('/admin/customer-groups?name[]=B2B').set(t.auth))).toEqual(['B2B']);
    expect((await t.http.get('/admin/customer-groups?created_at[gt]=2999-01-01').set(t.auth)).body.count).toBe(0);
    expect((await t.http.get('/admin/customer-groups?updated_at[lt]=2999-01-01').set(t.auth)).body.count).toBe(2);
    const page = await t.http.get('/admin/customer-groups?order=-name&limit=1&offset=1').set(t.auth);
    expect(page.body).toMatchObject({ count: 2, limit: 1, offset: 1 });
    expect(names(page)).toEqual(['B2B']);
    const expanded = await t.http.get('/admin/customer-groups?expand=customers&order=name').set(t.auth);
    expect(expanded.body.customer_groups[1].customers.map((c: any) => c.id).sort()).toEqual([customers[0], customers[3]].sort());
    expect((await t.http.get('/admin/customer-groups?order=metadata').set(t.auth)).status).toBe(400);

    const em = t.em();
    const rule = Object.assign(new DiscountRule(), { type: DiscountRuleType.percentage, value: 10 });
    const condition = Object.assign(new DiscountCondition(), { type: DiscountConditionType.customer_groups, operator: DiscountConditionOperator.in, discountRule: rule });
    condition.customerGroups.add(em.getReference(CustomerGroup, b2b));
    await em.persistAndFlush([rule, condition]);
    expect(names(await t.http.get(`/admin/customer-groups?discount_condition_id=${condition.id}`).set(t.auth))).toEqual(['B2B']);
    expect(names(await t.http.get(`/admin/customer-groups?discount_condition_id=${condition.id}&id=${vipId}`).set(t.auth))).toEqual([]);
    expect(names(await t.http.get('/admin/customer-groups?discount_condition_id=discon_missing').set(t.auth))).toEqual([]);
    expect((await t.http.get('/admin/customer-groups?foo=1').set(t.auth)).status).toBe(400);
  });

  it('costs a fixed number of queries for lists with customers', async () => {
    const em = t.em();
    const all = await em.find(Customer, {});
    for (let i = 0; i < 8; i++) {
      const g = em.create(CustomerGroup, { name: `Bulk ${i}` });
      g.customers.set(all);
    }
    await em.flush();
    const groups = (limit: number) => t.http.get(`/admin/customer-groups?limit=${limit}&expand=customers`).set(t.auth);
    expect(await t.countQueries(() => groups(2))).toBe(await t.countQueries(() => groups(20)));
    const members = (limit: number) => t.http.get(`/admin/customer-groups/${vipId}/customers?limit=${limit}&expand=groups`).set(t.auth);
    expect(await t.countQueries(() => members(1))).toBe(await t.countQueries(() => members(20)));
  });

  it('deletes softly: gone from lists and from its customers, name free again; unknown ids answer 200 as in Medusa', async () => {
    const del = await t.http.delete(`/admin/customer-groups/${vipId}`).set(t.auth);
    expect(del.body).toEqual({ id: vipId, object: 'customer_group', deleted: true });
    expect((await t.http.get(`/admin/customer-groups/${vipId}`).set(t.auth)).status).toBe(404);
    expect(await linksOf(vipId)).toEqual([]);
    const customer = await t.http.get(`/admin/customers/${customers[0]}?expand=groups`).set(t.auth);
    expect(customer.body.customer.groups.map((g: any) => g.id)).not.toContain(vipId);
    expect((await t.em().findOneOrFail(CustomerGroup, vipId, { filters: false })).deletedAt).toBeInstanceOf(Date);
    expect((await t.http.post('/admin/customer-groups').set(t.auth).send({ name: 'VIPs' })).status).toBe(200);
    // Medusa's delete finds nothing to remove and answers the same confirmation.
    const again = await t.http.delete(`/admin/customer-groups/${vipId}`).set(t.auth);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ id: vipId, object: 'customer_group', deleted: true });
    const unknown = await t.http.delete('/admin/customer-groups/cgrp_missing').set(t.auth);
    expect(unknown.body).toEqual({ id: 'cgrp_missing', object: 'customer_group', deleted: true });
    expect(await t.em().count(CustomerGroup, { id: 'cgrp_missing' }, { filters: false })).toBe(0);
  });

  it('expands the price lists of a group (REST and GraphQL), at a fixed query count', async () => {
    const em = t.em();
    const groups = [0, 1, 2].map((i) => em.create(CustomerGroup, { name: `Priced ${i}` }));
    const list = em.create(PriceList, { name: 'Members', description: 'For members' });
    list.customerGroups.set(groups.slice(0, 2));
    await em.flush();
    const one = await t.http.get(`/admin/customer-groups/${groups[0].id}?expand=price_lists`).set(t.auth);
    expect(one.status).toBe(200);
    expect(one.body.customer_group.price_lists).toEqual([expect.objectContaining({ id: list.id, name: 'Members', deleted_at: null })]);
    const none = await t.http.get(`/admin/customer-groups/${groups[2].id}?expand=price_lists`).set(t.auth);
    expect(none.body.customer_group.price_lists).toEqual([]);
    const gql = await t.gql(`query($id: String!) { customerGroup(id: $id) { priceLists { name } } }`, { id: groups[1].id });
    expect(gql.data.customerGroup.priceLists).toEqual([{ name: 'Members' }]);
    const page = (limit: number) => t.http.get(`/admin/customer-groups?limit=${limit}&expand=price_lists,customers`).set(t.auth);
    expect(await t.countQueries(() => page(2))).toBe(await t.countQueries(() => page(20)));
    await em.nativeDelete(PriceList, { id: list.id });
    await em.nativeDelete(CustomerGroup, { id: { $in: groups.map((g) => g.id) } });
  });

  it('answers 401 text/plain without credentials', async () => {
    for (const [method, path] of [
      ['get', '/admin/customer-groups'], ['post', '/admin/customer-groups'], ['get', `/admin/customer-groups/${vipId}`],
      ['post', `/admin/customer-groups/${vipId}`], ['delete', `/admin/customer-groups/${vipId}`], ['get', `/admin/customer-groups/${vipId}/customers`],
      ['post', `/admin/customer-groups/${vipId}/customers/batch`], ['delete', `/admin/customer-groups/${vipId}/customers/batch`],
    ] as const) {
      const res = await (t.http as any)[method](path).send({});
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/text\/plain/);
    }
  });
});

describe('GraphQL customer groups', () => {
  it('runs every operation', async () => {
    const c = await newCustomer('gql@example.com');
    const created = await t.gql(`mutation { createCustomerGroup(input: { name: "Gql", metadata: { a: 1 } }) { id name metadata } }`);
    expect(created.errors).toBeUndefined();
    const id = created.data.createCustomerGroup.id;
    const updated = await t.gql(`mutation($id: String!) { updateCustomerGroup(id: $id, input: { name: "Gql 2" }) { name metadata } }`, { id });
    expect(updated.data.updateCustomerGroup).toEqual({ name: 'Gql 2', metadata: { a: 1 } });
    const added = await t.gql(`mutation($id: String!, $c: String!) { addCustomerGroupCustomers(id: $id, input: { customerIds: [{ id: $c }] }) { customers { id } } }`, { id, c });
    expect(added.data.addCustomerGroupCustomers.customers).toEqual([{ id: c }]);
    const members = await t.gql(`query($id: String!) { customerGroupCustomers(id: $id, q: "gql") { items { id groups { name } } count } }`, { id });
    expect(members.data.customerGroupCustomers).toEqual({ items: [{ id: c, groups: [{ name: 'Gql 2' }] }], count: 1 });
    const list = await t.gql(`query($id: String!) { customerGroups(filter: { id: [$id], name: ["Gql 2"] }) { items { id } count limit } }`, { id });
    expect(list.data.customerGroups).toEqual({ items: [{ id }], count: 1, limit: 10 });
    const got = await t.gql(`query($id: String!) { customerGroup(id: $id) { name } }`, { id });
    expect(got.data.customerGroup.name).toBe('Gql 2');
    const removed = await t.gql(`mutation($id: String!, $c: String!) { removeCustomerGroupCustomers(id: $id, input: { customerIds: [{ id: $c }] }) { customers { id } } }`, { id, c });
    expect(removed.data.removeCustomerGroupCustomers.customers).toEqual([]);
    const deleted = await t.gql(`mutation($id: String!) { deleteCustomerGroup(id: $id) { id object deleted } }`, { id });
    expect(deleted.data.deleteCustomerGroup).toEqual({ id, object: 'customer_group', deleted: true });
  });

  it('reports bad input, duplicates, unknown ids and missing credentials', async () => {
    const before = await countGroups();
    expect((await t.gql(`mutation { createCustomerGroup(input: { name: 5 }) { id } }`)).errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errorType(await t.gql(`mutation { createCustomerGroup(input: { name: "B2B" }) { id } }`))).toBe('duplicate_error');
    expect(await countGroups()).toBe(before);
    expect(errorType(await t.gql(`{ customerGroup(id: "cgrp_missing") { id } }`))).toBe('not_found');
    expect((await t.gql(`{ customerGroupCustomers(id: "cgrp_missing") { count } }`)).data.customerGroupCustomers).toEqual({ count: 0 });
    expect(errorType(await t.gql(`mutation { updateCustomerGroup(id: "cgrp_missing", input: {}) { id } }`))).toBe('not_found');
    expect((await t.gql(`mutation { deleteCustomerGroup(id: "cgrp_missing") { id deleted } }`)).data.deleteCustomerGroup).toEqual({ id: 'cgrp_missing', deleted: true });
    expect(errorType(await t.gql(`mutation { addCustomerGroupCustomers(id: "cgrp_missing", input: { customerIds: [{ id: "x" }] }) { id } }`))).toBe('not_found');
    expect(errorType(await t.gql(`mutation { removeCustomerGroupCustomers(id: "cgrp_missing", input: { customerIds: [{ id: "x" }] }) { id } }`))).toBe('not_found');
    expect(errorType(await t.gql(`{ customerGroups { count } }`, {}, {}))).toBe('unauthorized');
    expect(errorType(await t.gql(`mutation { createCustomerGroup(input: { name: "Z" }) { id } }`, {}, {}))).toBe('unauthorized');
  });
});
