import { startApp, TestApp, errorType } from './helpers';
import { Address, Customer } from '../src/entities/customers';
import { CustomerGroup } from '../src/entities/customer-groups';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

const countCustomers = () => t.em().count(Customer, {});
const NEW = { email: 'Ann@Example.com', first_name: 'Ann', last_name: 'Lee', password: 'secret-1' };

async function newGroup(name: string): Promise<string> {
  const res = await t.http.post('/admin/customer-groups').set(t.auth).send({ name });
  expect(res.status).toBe(200);
  return res.body.customer_group.id;
}

describe('REST /admin/customers', () => {
  let annId: string;

  it('creates a customer with an account: 201, email lower-case, password hashed and never returned', async () => {
    const res = await t.http.post('/admin/customers').set(t.auth).send({ ...NEW, phone: '+4512345678', metadata: { tier: 'gold' } });
    expect(res.status).toBe(201);
    expect(res.body.customer).toMatchObject({
      email: 'ann@example.com', first_name: 'Ann', last_name: 'Lee', phone: '+4512345678', has_account: true,
      billing_address_id: null, deleted_at: null, metadata: { tier: 'gold' },
    });
    expect(res.body.customer.id).toMatch(/^cus_[0-9A-Z]{26}$/);
    expect(JSON.stringify(res.body)).not.toMatch(/password|scrypt|secret-1/);
    annId = res.body.customer.id;
    const stored = await t.em().findOneOrFail(Customer, annId, { populate: ['passwordHash'] as any });
    expect(stored.passwordHash).toMatch(/^scrypt\$/);
    expect(stored.email).toBe('ann@example.com');
  });

  it('refuses bad input with 400 and a duplicate email (any case) with 422, writing nothing', async () => {
    const before = await countCustomers();
    for (const body of [
      { ...NEW, email: 'nope' }, { ...NEW, password: undefined }, { ...NEW, password: '' }, { ...NEW, first_name: undefined },
      { ...NEW, last_name: undefined }, { ...NEW, has_account: false }, { ...NEW, metadata: 'x' },
    ]) {
      const res = await t.http.post('/admin/customers').set(t.auth).send({ ...body, email: body.email === 'nope' ? 'nope' : 'other@example.com' });
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('invalid_data');
    }
    const dup = await t.http.post('/admin/customers').set(t.auth).send({ ...NEW, email: 'ANN@example.COM' });
    expect(dup.status).toBe(422);
    expect(dup.body).toEqual({ type: 'duplicate_error', code: 'invalid_request_error', message: 'A customer with the given email already has an account. Log in instead' });
    expect(await countCustomers()).toBe(before);
  });

  it('gets a customer with its shipping addresses; 404 for an unknown id', async () => {
    const em = t.em();
    em.create(Address, { customer: em.getReference(Customer, annId), city: 'Aarhus', countryCode: 'dk' });
    em.create(Address, { customer: em.getReference(Customer, annId), city: 'Gone', deletedAt: new Date() });
    await em.flush();
    const res = await t.http.get(`/admin/customers/${annId}`).set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body.customer.email).toBe('ann@example.com');
    expect(res.body.customer.shipping_addresses).toEqual([expect.objectContaining({ city: 'Aarhus', country_code: 'dk', customer_id: annId, address_1: null })]);
    expect(res.body.customer.shipping_addresses[0].id).toMatch(/^addr_/);
    const expanded = await t.http.get(`/admin/customers/${annId}?expand=groups,billing_address`).set(t.auth);
    expect(expanded.body.customer).toMatchObject({ groups: [], billing_address: null });
    const country = await t.http.get(`/admin/customers/${annId}?expand=shipping_addresses.country`).set(t.auth);
    expect(country.body.customer.shipping_addresses[0].country).toMatchObject({ iso_2: 'dk' });
    const missing = await t.http.get('/admin/customers/cus_missing').set(t.auth);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ type: 'not_found', message: 'Customer with id: cus_missing was not found' });
  });

  it('answers orders as an empty list until orders exist, and reads expand and fields as Medusa\'s handlers do', async () => {
    const byDefault = await t.http.get(`/admin/customers/${annId}`).set(t.auth);
    expect(byDefault.body.customer.orders).toEqual([]);
    const orders = await t.http.get(`/admin/customers/${annId}?expand=orders`).set(t.auth);
    expect(orders.status).toBe(200);
    expect(orders.body.customer.orders).toEqual([]);
    expect(orders.body.customer.shipping_addresses).toBeUndefined();
    // A blank expand means the defaults here; fields are accepted but every column is answered.
    const blank = await t.http.get(`/admin/customers/${annId}?expand=&fields=email`).set(t.auth);
    expect(blank.body.customer).toMatchObject({ orders: [], first_name: 'Ann', email: 'ann@example.com' });
    expect(blank.body.customer.shipping_addresses).toEqual(expect.any(Array));
    const list = await t.http.get('/admin/customers?expand=orders&fields=email').set(t.auth);
    expect(list.body.customers[0]).toMatchObject({ orders: [], first_name: expect.any(String) });
    const gql = await t.gql(`query($id: String!) { customer(id: $id) { orders { id } } }`, { id: annId });
    expect(gql.data.customer.orders).toEqual([]);
  });

  it('updates names, phone, password, metadata (merged) and groups', async () => {
    const vip = await newGroup('VIP');
    const b2b = await newGroup('B2B');
    await t.http.post(`/admin/customers/${annId}`).set(t.auth).send({ metadata: { a: 1 } });
    const res = await t.http.post(`/admin/customers/${annId}`).set(t.auth)
      .send({ first_name: 'Anna', phone: '+1', password: 'new-secret', metadata: { tier: '', b: 2 }, groups: [{ id: vip }, { id: b2b }] });
    expect(res.status).toBe(200);
    expect(res.body.customer).toMatchObject({ first_name: 'Anna', last_name: 'Lee', phone: '+1', metadata: { a: 1, b: 2 } });
    // Medusa ignores `metadata: null`: the stored keys stay.
    const kept = await t.http.post(`/admin/customers/${annId}`).set(t.auth).send({ metadata: null });
    expect(kept.body.customer.metadata).toEqual({ a: 1, b: 2 });
    expect((await t.em().findOneOrFail(Customer, annId)).metadata).toEqual({ a: 1, b: 2 });
    expect(res.body.customer.shipping_addresses).toHaveLength(1);
    const stored = await t.em().findOneOrFail(Customer, annId, { populate: ['groups', 'passwordHash'] as any });
    expect(stored.groups.getItems().map((g) => g.name).sort()).toEqual(['B2B', 'VIP']);
    const expanded = await t.http.post(`/admin/customers/${annId}?expand=groups`).set(t.auth).send({ groups: [{ id: vip }] });
    expect(expanded.body.customer.groups.map((g: any) => g.name)).toEqual(['VIP']);
    expect((await t.em().findOneOrFail(Customer, annId, { populate: ['groups'] })).groups.count()).toBe(1);
  });

  it('refuses an email change for a customer with an account, bad groups and bad fields (400/404)', async () => {
    const change = await t.http.post(`/admin/customers/${annId}`).set(t.auth).send({ email: 'new@example.com' });
    expect(change.status).toBe(400);
    expect(change.body).toEqual({ type: 'invalid_data', message: 'Email cannot be changed when the user has registered their account' });
    // Medusa refuses any email for a customer with an account, its current one included.
    const same = await t.http.post(`/admin/customers/${annId}`).set(t.auth).send({ email: 'ann@example.com', first_name: 'Same' });
    expect(same.status).toBe(400);
    expect(same.body.message).toBe('Email cannot be changed when the user has registered their account');
    expect((await t.http.post(`/admin/customers/${annId}`).set(t.auth).send({ email: 'not-an-email' })).status).toBe(400);
    // null for a value that cannot be null leaves it as it is
    expect((await t.http.post(`/admin/customers/${annId}`).set(t.auth).send({ email: null, password: null, groups: null })).status).toBe(200);
    expect((await t.http.post(`/admin/customers/${annId}`).set(t.auth).send({ has_account: false })).status).toBe(400);
    expect((await t.http.post(`/admin/customers/${annId}`).set(t.auth).send({ groups: [{}] })).status).toBe(400);
    const badGroup = await t.http.post(`/admin/customers/${annId}`).set(t.auth).send({ first_name: 'X', groups: [{ id: 'cgrp_missing' }] });
    expect(badGroup.status).toBe(404);
    expect(badGroup.body).toEqual({ type: 'not_found', message: 'Customer_group with customer_group_id cgrp_missing does not exist.' });
    const stored = await t.em().findOneOrFail(Customer, annId, { populate: ['groups'] });
    expect(stored.firstName).toBe('Anna');
    expect(stored.email).toBe('ann@example.com');
    expect(stored.groups.count()).toBe(1);
    expect((await t.http.post('/admin/customers/cus_missing').set(t.auth).send({ first_name: 'x' })).status).toBe(404);
  });

  it('accepts empty names and ignores an empty password (Medusa only asks for strings)', async () => {
    const before = (await t.em().findOneOrFail(Customer, annId, { populate: ['passwordHash'] as any })).passwordHash;
    const res = await t.http.post(`/admin/customers/${annId}`).set(t.auth).send({ last_name: '', password: '' });
    expect(res.status).toBe(200);
    expect(res.body.customer.last_name).toBe('');
    const stored = await t.em().findOneOrFail(Customer, annId, { populate: ['passwordHash'] as any });
    expect(stored.passwordHash).toBe(before);
    await t.http.post(`/admin/customers/${annId}`).set(t.auth).send({ last_name: 'Lee' });
    const created = await t.http.post('/admin/customers').set(t.auth).send({ email: 'noname@example.com', first_name: '', last_name: '', password: 'pw' });
    expect(created.status).toBe(201);
    expect(created.body.customer).toMatchObject({ first_name: '', last_name: '' });
    await t.em().nativeDelete(Customer, { id: created.body.customer.id });
  });

  it('changes the email of a guest customer (stored lower-case)', async () => {
    const em = t.em();
    const guest = em.create(Customer, { email: 'walk-in@example.com', hasAccount: false });
    await em.flush();
    const res = await t.http.post(`/admin/customers/${guest.id}`).set(t.auth).send({ email: 'Walk.In@Example.com' });
    expect(res.status).toBe(200);
    expect(res.body.customer.email).toBe('walk.in@example.com');
    expect((await t.em().findOneOrFail(Customer, guest.id)).email).toBe('walk.in@example.com');
    await t.em().nativeDelete(Customer, { id: guest.id });
  });

  it('lists with q, has_account, groups, dates, order and paging', async () => {
    const bob = await t.http.post('/admin/customers').set(t.auth).send({ email: 'bob@example.com', first_name: 'Bob', last_name: 'Stone', password: 'pw' });
    const bobId = bob.body.customer.id;
    const em = t.em();
    const guest = em.create(Customer, { email: 'guest@example.com', hasAccount: false });
    await em.flush();
    const vip = (await t.em().findOneOrFail(CustomerGroup, { name: 'VIP' })).id;
    const b2b = (await t.em().findOneOrFail(CustomerGroup, { name: 'B2B' })).id;
    await t.http.post(`/admin/customers/${bobId}`).set(t.auth).send({ groups: [{ id: vip }, { id: b2b }] });

    const all = await t.http.get('/admin/customers').set(t.auth);
    expect(all.body).toMatchObject({ count: 3, offset: 0, limit: 50 });
    // Medusa's customer list has no ORDER BY: rows come in storage (creation) order, oldest first.
    expect(all.body.customers.map((c: any) => c.id)).toEqual([annId, bobId, guest.id]);
    expect(all.body.customers[0].shipping_addresses).toBeUndefined();
    const ids = (res: any) => res.body.customers.map((c: any) => c.id).sort();
    expect(ids(await t.http.get('/admin/customers?q=STONE').set(t.auth))).toEqual([bobId]);
    expect(ids(await t.http.get('/admin/customers?q=example.com&has_account=false').set(t.auth))).toEqual([guest.id]);
    expect(ids(await t.http.get('/admin/customers?has_account=true').set(t.auth))).toEqual([annId, bobId].sort());
    // Bob is in both groups and still counts once.
    const inGroups = await t.http.get(`/admin/customers?groups[]=${vip}&groups[]=${b2b}`).set(t.auth);
    expect(inGroups.body.count).toBe(2);
    expect(ids(inGroups)).toEqual([annId, bobId].sort());
    // Medusa joins the groups to filter by them, so each customer comes with its groups.
    expect(inGroups.body.customers[0].groups).toEqual(expect.arrayContaining([expect.objectContaining({ id: vip })]));
    expect(ids(await t.http.get(`/admin/customers?groups=${b2b}`).set(t.auth))).toEqual([bobId]);
    expect((await t.http.get('/admin/customers?created_at[gt]=2999-01-01').set(t.auth)).body.count).toBe(0);
    expect((await t.http.get('/admin/customers?created_at[lt]=2999-01-01&updated_at[gte]=2000-01-01').set(t.auth)).body.count).toBe(3);
    expect((await t.http.get('/admin/customers?updated_at[lt]=2000-01-01').set(t.auth)).body.count).toBe(0);
    const ordered = await t.http.get('/admin/customers?order=email&limit=2&offset=1').set(t.auth);
    expect(ordered.body).toMatchObject({ count: 3, offset: 1, limit: 2 });
    expect(ordered.body.customers.map((c: any) => c.email)).toEqual(['bob@example.com', 'guest@example.com']);
    expect((await t.http.get('/admin/customers?order=password_hash').set(t.auth)).status).toBe(400);
    expect((await t.http.get('/admin/customers?has_account=maybe').set(t.auth)).status).toBe(400);
    expect((await t.http.get('/admin/customers?email=x').set(t.auth)).status).toBe(400);
  });

  it('costs a fixed number of queries for a page with relations', async () => {
    const em = t.em();
    const vip = await em.findOneOrFail(CustomerGroup, { name: 'VIP' });
    for (let i = 0; i < 6; i++) {
      const c = em.create(Customer, { email: `bulk${i}@example.com`, hasAccount: false });
      c.groups.add(vip);
      em.create(Address, { customer: c, city: `City ${i}`, countryCode: i % 2 ? 'dk' : 'se' });
    }
    await em.flush();
    const path = (limit: number) => `/admin/customers?limit=${limit}&expand=groups,shipping_addresses.country,billing_address`;
    const small = await t.countQueries(() => t.http.get(path(2)).set(t.auth));
    const large = await t.countQueries(() => t.http.get(path(20)).set(t.auth));
    expect(large).toBe(small);
  });

  it('answers 401 text/plain without credentials', async () => {
    for (const [method, path] of [['get', '/admin/customers'], ['post', '/admin/customers'], ['get', `/admin/customers/${annId}`], ['post', `/admin/customers/${annId}`]] as const) {
      const res = await (t.http as any)[method](path).send({});
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/text\/plain/);
      expect(res.text).toBe('Unauthorized');
    }
  });
});

describe('GraphQL customers', () => {
  const FIELDS = 'id email firstName lastName phone hasAccount billingAddressId metadata groups { name } shippingAddresses { city }';

  it('creates, reads, updates and lists', async () => {
    const created = await t.gql(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { ${FIELDS} } }`,
      { input: { email: 'Gql@Example.com', firstName: 'G', lastName: 'Q', password: 'pw' } });
    expect(created.errors).toBeUndefined();
    const c = created.data.createCustomer;
    expect(c).toMatchObject({ email: 'gql@example.com', hasAccount: true, groups: [], shippingAddresses: [], billingAddressId: null });
    const group = await t.gql(`mutation { createCustomerGroup(input: { name: "Gql group" }) { id } }`);
    const gid = group.data.createCustomerGroup.id;
    const updated = await t.gql(`mutation($id: String!, $gid: String!) { updateCustomer(id: $id, input: { lastName: "R", groups: [{ id: $gid }], metadata: { k: 1 } }) { ${FIELDS} } }`, { id: c.id, gid });
    expect(updated.data.updateCustomer).toMatchObject({ lastName: 'R', groups: [{ name: 'Gql group' }], metadata: { k: 1 } });
    const got = await t.gql(`query($id: String!) { customer(id: $id) { email } }`, { id: c.id });
    expect(got.data.customer.email).toBe('gql@example.com');
    const list = await t.gql(`query($g: [String!]) { customers(filter: { groups: $g, hasAccount: true }, q: "gql", limit: 5) { items { id } count offset limit } }`, { g: [gid] });
    expect(list.data.customers).toEqual({ items: [{ id: c.id }], count: 1, offset: 0, limit: 5 });
  });

  it('reports bad input, duplicates, unknown ids and missing credentials in Medusa types', async () => {
    const before = await countCustomers();
    const bad = await t.gql(`mutation { createCustomer(input: { email: "nope", firstName: "a", lastName: "b", password: "x" }) { id } }`);
    expect(errorType(bad)).toBe('invalid_data');
    const dup = await t.gql(`mutation { createCustomer(input: { email: "GQL@example.com", firstName: "a", lastName: "b", password: "x" }) { id } }`);
    expect(errorType(dup)).toBe('duplicate_error');
    expect(await countCustomers()).toBe(before);
    expect(errorType(await t.gql(`{ customer(id: "cus_missing") { id } }`))).toBe('not_found');
    expect(errorType(await t.gql(`mutation { updateCustomer(id: "cus_missing", input: {}) { id } }`))).toBe('not_found');
    const sameEmail = await t.gql(`mutation { updateCustomer(id: "${(await t.em().findOneOrFail(Customer, { email: 'gql@example.com' })).id}", input: { email: "gql@example.com" }) { id } }`);
    expect(errorType(sameEmail)).toBe('invalid_data');
    expect(errorType(await t.gql(`{ customers { count } }`, {}, {}))).toBe('unauthorized');
    expect(errorType(await t.gql(`mutation { createCustomer(input: { email: "z@b.c", firstName: "a", lastName: "b", password: "x" }) { id } }`, {}, {}))).toBe('unauthorized');
    expect(await countCustomers()).toBe(before);
  });
});

describe('a customer\'s orders', () => {
  it('are the orders made for the customer, as a plain relation (no totals), through REST and GraphQL', async () => {
    const region = await t.http.post('/admin/regions').set(t.auth)
      .send({ name: 'Shop', currency_code: 'usd', tax_rate: 0, payment_providers: ['manual'], fulfillment_providers: ['manual'], countries: ['se'] });
    const option = await t.http.post('/admin/shipping-options').set(t.auth)
      .send({ name: 'Post', region_id: region.body.region.id, provider_id: 'manual', data: {}, price_type: 'flat_rate', amount: 500 });
    const draft = await t.http.post('/admin/draft-orders').set(t.auth).send({
      email: 'buyer@example.com', region_id: region.body.region.id, shipping_methods: [{ option_id: option.body.shipping_option.id }],
      items: [{ title: 'Service', unit_price: 2000, quantity: 1 }],
    });
    const order = (await t.http.post(`/admin/draft-orders/${draft.body.draft_order.id}/pay`).set(t.auth)).body.order;

    const res = await t.http.get(`/admin/customers/${order.customer_id}`).set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body.customer.orders.map((o: any) => [o.id, o.display_id, o.email])).toEqual([[order.id, order.display_id, 'buyer@example.com']]);
    expect(res.body.customer.orders[0]).not.toHaveProperty('total');
    expect(res.body.customer.orders[0]).not.toHaveProperty('returns');
    const other = await t.http.post('/admin/customers').set(t.auth).send({ email: 'nobuy@example.com', first_name: 'N', last_name: 'B', password: 'secret-1' });
    expect((await t.http.get(`/admin/customers/${other.body.customer.id}`).set(t.auth)).body.customer.orders).toEqual([]);

    const gql = await t.gql('query($id: String!) { customer(id: $id) { orders { id total } } }', { id: order.customer_id });
    expect(gql.data.customer.orders).toEqual([{ id: order.id, total: 2500 }]);
  });
});
