import { startApp, TestApp } from './helpers';
import { Region } from '../src/entities/regions';
import { Currency } from '../src/entities/currencies';
import { Customer } from '../src/entities/customers';
import { Discount } from '../src/entities/discounts';

// Issue 9, "Bad input is 400, never 500".
let t: TestApp;
let regionId: string;
beforeAll(async () => {
  t = await startApp();
  const em = t.em();
  const region = Object.assign(new Region(), { name: 'EU', currency: em.getReference(Currency, 'usd'), taxRate: 0 });
  await em.persistAndFlush(region);
  regionId = region.id;
});
afterAll(() => t.close());

const long = 'x'.repeat(300);

function expect400(res: { status: number; body: any }, message?: RegExp) {
  expect(res.status).toBe(400);
  expect(res.body.type).toBe('invalid_data');
  if (message) expect(res.body.message).toMatch(message);
}

describe('strings longer than their column', () => {
  it('are refused with 400 naming the field, nothing written', async () => {
    expect400(await t.http.post('/admin/store').set(t.auth).send({ name: long }), /name must be shorter than or equal to 255 characters/);
    expect400(await t.http.post('/admin/customers').set(t.auth).send({ email: 'long@aegis.test', first_name: long, last_name: 'b', password: 'secret123' }), /first_name/);
    expect(await t.em().count(Customer, { email: 'long@aegis.test' })).toBe(0);
    expect400(await t.http.post('/admin/customer-groups').set(t.auth).send({ name: long }), /name/);
    expect400(await t.http.post('/admin/customers').set(t.auth).send({ email: 'ph@aegis.test', first_name: 'a', last_name: 'b', password: 'secret123', phone: long }), /phone/);
    expect400(await t.http.post('/admin/discounts').set(t.auth).send({ code: long, rule: { type: 'percentage', value: 10, allocation: 'total' }, regions: [regionId] }), /code/);
    expect400(await t.http.post(`/admin/users/${t.admin.id}`).set(t.auth).send({ first_name: long }), /first_name/);
    const gql = await t.gql('mutation($i: CreateCustomerGroupInput!) { createCustomerGroup(input: $i) { id } }', { i: { name: long } });
    expect(gql.errors?.[0].extensions.type).toBe('invalid_data');
  });
});

describe('NUL characters and bad encodings', () => {
  it('refuses NUL in a body string, a query parameter and a path parameter', async () => {
    expect400(await t.http.post('/admin/customer-groups').set(t.auth).send({ name: 'a\u0000b' }), /NUL/);
    expect400(await t.http.get('/admin/customers?q=%00').set(t.auth));
    expect400(await t.http.get('/admin/users/usr_%00').set(t.auth));
    expect400(await t.http.post('/admin/customer-groups').set(t.auth).send({ name: 'ok', metadata: { 'k\u0000': 'v' } }));
  });

  it('refuses a path that is not UTF-8 with 400, signed in or not', async () => {
    expect400(await t.http.get('/admin/users/%C3%28').set(t.auth));
    expect400(await t.http.get('/admin/users/%C3%28'));
  });
});

describe('metadata', () => {
  const nested = (depth: number): unknown => (depth === 0 ? 'v' : { a: nested(depth - 1) });

  it('refuses metadata nested too deeply', async () => {
    expect400(await t.http.post('/admin/customer-groups').set(t.auth).send({ name: 'deep', metadata: nested(50) }), /nested/);
    expect400(await t.http.post('/admin/customer-groups').set(t.auth).send({ name: 'deep', metadata: { a: JSON.parse('['.repeat(2000) + ']'.repeat(2000)) } }));
    const ok = await t.http.post('/admin/customer-groups').set(t.auth).send({ name: 'shallow', metadata: nested(5) });
    expect(ok.status).toBe(200);
  });

  it('refuses prototype keys instead of dropping them', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const res = await t.http.post('/admin/customer-groups').set(t.auth).set('content-type', 'application/json')
        .send(`{"name": "proto-${key}", "metadata": {"${key}": {"polluted": true}}}`);
      expect400(res, new RegExp(key));
    }
    const gql = await t.gql('mutation { createCustomerGroup(input: { name: "p", metadata: { constructor: 1 } }) { id } }');
    expect(gql.errors?.[0].extensions.type).toBe('invalid_data');
    expect(({} as any).polluted).toBeUndefined();
  });
});

describe('durations and ranges', () => {
  it('refuses a valid_duration whose end no date can hold', async () => {
    const res = await t.http.post('/admin/discounts').set(t.auth).send({
      code: 'DYNHUGE', is_dynamic: true, valid_duration: 'P999999999Y', rule: { type: 'percentage', value: 10, allocation: 'total' }, regions: [regionId],
    });
    expect400(res, /valid_duration/);
    expect(await t.em().count(Discount, { code: 'DYNHUGE' }, { filters: false })).toBe(0);
  });
});
