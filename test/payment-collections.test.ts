import { startApp, TestApp, errorType } from './helpers';
import { OrderEdit } from '../src/entities/order-edits';
import { PaymentCollection, PaymentCollectionStatus } from '../src/entities/payment-collections';
import { PAYMENT_COLLECTION_MACHINE } from '../src/services/payment-collections';

let t: TestApp;
let regionId: string;
let optionId: string;
let variant: string;

beforeAll(async () => {
  t = await startApp();
  const region = await t.http.post('/admin/regions').set(t.auth)
    .send({ name: 'Collections', currency_code: 'usd', tax_rate: 0, payment_providers: ['manual'], fulfillment_providers: ['manual'], countries: ['se'] });
  regionId = region.body.region.id;
  const option = await t.http.post('/admin/shipping-options').set(t.auth)
    .send({ name: 'Post', region_id: regionId, provider_id: 'manual', data: {}, price_type: 'flat_rate', amount: 0 });
  optionId = option.body.shipping_option.id;
  const product = await t.http.post('/admin/products').set(t.auth).send({
    title: 'Cup', options: [{ title: 'Size' }],
    variants: [{ title: 'One', manage_inventory: false, options: [{ value: 'One' }], prices: [{ currency_code: 'usd', amount: 700 }] }],
  });
  variant = product.body.product.variants[0].id;
});
afterAll(() => t.close());

/** A payment collection as the real server makes one: an order edit's positive difference, requested. */
async function newCollection(email: string): Promise<{ id: string; editId: string }> {
  const draft = await t.http.post('/admin/draft-orders').set(t.auth).send({
    email, region_id: regionId, shipping_methods: [{ option_id: optionId }], items: [{ variant_id: variant, quantity: 1 }],
  });
  const order = (await t.http.post(`/admin/draft-orders/${draft.body.draft_order.id}/pay`).set(t.auth)).body.order;
  const edit = (await t.http.post('/admin/order-edits').set(t.auth).send({ order_id: order.id })).body.order_edit;
  await t.http.post(`/admin/order-edits/${edit.id}/items`).set(t.auth).send({ variant_id: variant, quantity: 2 });
  const requested = await t.http.post(`/admin/order-edits/${edit.id}/request`).set(t.auth).send({ payment_collection_description: 'two more' });
  return { id: requested.body.order_edit.payment_collection_id, editId: edit.id };
}

describe('the payment-collection state machine', () => {
  it('deletes only what is unpaid; authorizing is always allowed', () => {
    expect(PAYMENT_COLLECTION_MACHINE.can('delete', PaymentCollectionStatus.not_paid)).toBe(true);
    expect(PAYMENT_COLLECTION_MACHINE.can('delete', PaymentCollectionStatus.canceled)).toBe(true);
    expect(PAYMENT_COLLECTION_MACHINE.can('delete', PaymentCollectionStatus.authorized)).toBe(false);
    expect(PAYMENT_COLLECTION_MACHINE.check('authorize', PaymentCollectionStatus.not_paid)).toEqual({ to: 'authorized', changed: true });
  });
});

describe('REST /admin/payment-collections', () => {
  it('gets a collection with its region, sessions and payments', async () => {
    const { id } = await newCollection('get@example.com');
    const res = await t.http.get(`/admin/payment-collections/${id}`).set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body.payment_collection).toMatchObject({
      id, type: 'order_edit', status: 'not_paid', amount: 1400, authorized_amount: null, currency_code: 'usd', description: 'two more',
      region: { id: regionId }, payment_sessions: [], payments: [],
    });
    expect(res.body.payment_collection.created_by).toBeUndefined();
    const missing = await t.http.get('/admin/payment-collections/paycol_missing').set(t.auth);
    expect([missing.status, missing.body.message]).toEqual([404, 'Payment collection with id paycol_missing was not found']);
    expect((await t.http.get(`/admin/payment-collections/${id}`)).status).toBe(401);
  });

  it('updates the description and merges metadata; refuses bad input', async () => {
    const { id } = await newCollection('update@example.com');
    const url = `/admin/payment-collections/${id}`;
    const res = await t.http.post(url).set(t.auth).send({ description: 'new words', metadata: { a: 1, b: 2 } });
    expect(res.body.payment_collection).toMatchObject({ description: 'new words', metadata: { a: 1, b: 2 }, created_by: t.admin.id });
    const merged = await t.http.post(url).set(t.auth).send({ metadata: { a: '', c: 3 } });
    expect(merged.body.payment_collection.metadata).toEqual({ b: 2, c: 3 });
    for (const body of [{ amount: 5 }, { description: 5 }, { metadata: 'x' }]) {
      expect((await t.http.post(url).set(t.auth).send(body)).status).toBe(400);
    }
    const stored = await t.em().findOneOrFail(PaymentCollection, id);
    expect([stored.amount, stored.description, stored.metadata]).toEqual([1400, 'new words', { b: 2, c: 3 }]);
    expect((await t.http.post('/admin/payment-collections/paycol_missing').set(t.auth).send({ description: 'x' })).status).toBe(404);
    expect((await t.http.post(url).send({ description: 'x' })).status).toBe(401);
    expect(t.events.some((e) => e.name === 'payment-collection.updated' && (e.data as any).id === id)).toBe(true);
  });

  it('keeps every key of 20 parallel metadata merges (the row is locked)', async () => {
    const { id } = await newCollection('merges@example.com');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => t.http.post(`/admin/payment-collections/${id}`).set(t.auth).send({ metadata: { [`k${i}`]: 'v' } })));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const stored = await t.em().findOneOrFail(PaymentCollection, id);
    expect(Object.keys(stored.metadata ?? {}).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `k${i}`).sort());
  });

  it('authorizes the whole amount; an authorized collection is not deleted', async () => {
    const { id } = await newCollection('authorize@example.com');
    const url = `/admin/payment-collections/${id}`;
    const res = await t.http.post(`${url}/authorize`).set(t.auth);
    expect(res.body.payment_collection).toMatchObject({ status: 'authorized', authorized_amount: 1400 });
    expect((await t.http.post(`${url}/authorize`).set(t.auth)).status).toBe(200);
    const del = await t.http.delete(url).set(t.auth);
    expect([del.status, del.body.type, del.body.message]).toEqual([400, 'not_allowed', 'Cannot delete payment collection with status authorized']);
    expect((await t.em().findOneOrFail(PaymentCollection, id)).deletedAt).toBeNull();
    expect((await t.http.post('/admin/payment-collections/paycol_missing/authorize').set(t.auth)).status).toBe(404);
    expect((await t.http.post(`${url}/authorize`)).status).toBe(401);
  });

  it('deletes an unpaid collection (its edit keeps none); an unknown one answers deleted', async () => {
    const { id, editId } = await newCollection('delete@example.com');
    const res = await t.http.delete(`/admin/payment-collections/${id}`).set(t.auth);
    expect(res.body).toEqual({ id, object: 'payment_collection', deleted: true });
    expect((await t.http.get(`/admin/payment-collections/${id}`).set(t.auth)).status).toBe(404);
    expect((await t.em().findOneOrFail(OrderEdit, editId)).paymentCollection).toBeNull();
    expect((await t.http.delete('/admin/payment-collections/paycol_missing').set(t.auth)).status).toBe(200);
    expect((await t.http.delete(`/admin/payment-collections/${id}`)).status).toBe(401);
  });
});

describe('GraphQL payment collections', () => {
  it('reads, updates, authorizes and deletes', async () => {
    const { id } = await newCollection('gql@example.com');
    const read = await t.gql(`query($id: String!) { paymentCollection(id: $id) { amount status region { id } currency { code } } }`, { id });
    expect(read.data.paymentCollection).toEqual({ amount: 1400, status: 'not_paid', region: { id: regionId }, currency: { code: 'usd' } });
    const updated = await t.gql(`mutation($id: String!) { updatePaymentCollection(id: $id, input: { description: "gql" }) { description } }`, { id });
    expect(updated.data.updatePaymentCollection.description).toBe('gql');
    const authorized = await t.gql(`mutation($id: String!) { authorizePaymentCollection(id: $id) { status authorizedAmount } }`, { id });
    expect(authorized.data.authorizePaymentCollection).toEqual({ status: 'authorized', authorizedAmount: 1400 });
    expect(errorType(await t.gql(`mutation($id: String!) { deletePaymentCollection(id: $id) { deleted } }`, { id }))).toBe('not_allowed');
    expect(errorType(await t.gql(`query { paymentCollection(id: "paycol_missing") { id } }`))).toBe('not_found');
    const other = await newCollection('gql2@example.com');
    const deleted = await t.gql(`mutation($id: String!) { deletePaymentCollection(id: $id) { id object deleted } }`, { id: other.id });
    expect(deleted.data.deletePaymentCollection).toEqual({ id: other.id, object: 'payment_collection', deleted: true });
  });
});
