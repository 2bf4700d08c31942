import { startApp, TestApp, errorType } from './helpers';
import { DraftOrder } from '../src/entities/draft-orders';
import { Cart, LineItem, Order, Payment, ShippingMethod } from '../src/entities/orders';

let t: TestApp;
let regionId: string;
let optionId: string;
let variantId: string;

beforeAll(async () => {
  t = await startApp();
  const region = await t.http.post('/admin/regions').set(t.auth)
    .send({ name: 'Drafts', currency_code: 'usd', tax_rate: 25, payment_providers: ['manual'], fulfillment_providers: ['manual'], countries: ['dk'] });
  regionId = region.body.region.id;
  const option = await t.http.post('/admin/shipping-options').set(t.auth)
    .send({ name: 'Post', region_id: regionId, provider_id: 'manual', data: {}, price_type: 'flat_rate', amount: 1000 });
  optionId = option.body.shipping_option.id;
  const product = await t.http.post('/admin/products').set(t.auth).send({
    title: 'Mug', options: [{ title: 'Colour' }],
    variants: [{ title: 'White', manage_inventory: false, options: [{ value: 'White' }], prices: [{ currency_code: 'usd', amount: 1750 }] }],
  });
  variantId = product.body.product.variants[0].id;
});
afterAll(() => t.close());

const newDraft = (extra: Record<string, unknown> = {}) => t.http.post('/admin/draft-orders').set(t.auth).send({
  email: 'Buyer@Example.com', region_id: regionId, shipping_methods: [{ option_id: optionId }],
  items: [{ variant_id: variantId, quantity: 2 }, { title: 'Engraving', unit_price: 1234, quantity: 1 }], ...extra,
});

describe('REST /admin/draft-orders', () => {
  let draftId: string;

  it('creates a draft: a cart with priced lines, shipping, a guest customer and Medusa\'s totals', async () => {
    const res = await newDraft();
    expect(res.status).toBe(200);
    const draft = res.body.draft_order;
    draftId = draft.id;
    expect(draft).toMatchObject({ status: 'open', order_id: null, cart: { email: 'buyer@example.com', type: 'draft_order' } });
    const [mug, custom] = draft.cart.items;
    expect(mug).toMatchObject({ unit_price: 1750, quantity: 2, subtotal: 3500, tax_total: 875, total: 4375, allow_discounts: true, has_shipping: true });
    expect(custom).toMatchObject({ title: 'Engraving', unit_price: 1234, allow_discounts: false, tax_total: 0, variant_id: null });
    // 3500 + 1234 + 1000 shipping, tax 875 + 250
    expect(draft.cart).toMatchObject({ subtotal: 4734, shipping_total: 1000, tax_total: 1125, discount_total: 0, total: 6859 });
    expect(draft.cart.customer).toMatchObject({ email: 'buyer@example.com', has_account: false });
    expect(draft.cart.shipping_address).toMatchObject({ country_code: 'dk' });
    expect(await t.em().count(LineItem, { cart: draft.cart.id })).toBe(2);
    expect(t.events.map((e) => e.name)).toContain('draft_order.created');
  });

  it('a line-item change drops the shipping methods; quantity 0 removes the line', async () => {
    const added = await t.http.post(`/admin/draft-orders/${draftId}/line-items`).set(t.auth).send({ variant_id: variantId, quantity: 1 });
    expect(added.status).toBe(200);
    expect(added.body.draft_order.cart.items[0].quantity).toBe(3);
    expect(added.body.draft_order.cart.shipping_methods).toEqual([]);
    const custom = added.body.draft_order.cart.items[1].id;
    const removed = await t.http.post(`/admin/draft-orders/${draftId}/line-items/${custom}`).set(t.auth).send({ quantity: 0 });
    expect(removed.body.draft_order.cart.items.map((i: any) => i.title)).toEqual(['Mug']);
    expect(await t.em().count(ShippingMethod, {})).toBe(0);
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const before = await t.em().count(DraftOrder, {});
    const noMethods = await t.http.post('/admin/draft-orders').set(t.auth).send({ email: 'a@b.co', region_id: regionId });
    expect(noMethods.status).toBe(400);
    const badEmail = await newDraft({ email: 'nope' });
    expect([badEmail.status, badEmail.body.message]).toEqual([400, 'email must be an email']);
    const fraction = await newDraft({ items: [{ variant_id: variantId, quantity: 1.5 }] });
    expect(fraction.status).toBe(400);
    const outside = await newDraft({ shipping_address: { first_name: 'A', last_name: 'B', address_1: 'x', city: 'y', country_code: 'se', postal_code: '1' } });
    expect([outside.status, outside.body.message]).toEqual([400, 'Shipping country not in region']);
    expect(await t.em().count(DraftOrder, {})).toBe(before);
  });

  it('answers 404 for unknown drafts and regions, 401 without credentials', async () => {
    expect((await t.http.get('/admin/draft-orders/dorder_missing').set(t.auth)).status).toBe(404);
    expect((await t.http.post('/admin/draft-orders/dorder_missing/pay').set(t.auth)).status).toBe(404);
    expect((await newDraft({ region_id: 'reg_missing' })).status).toBe(404);
    expect((await t.http.get('/admin/draft-orders')).status).toBe(401);
    expect((await t.http.post('/admin/draft-orders').send({})).status).toBe(401);
  });

  it('pays the draft: an order with a captured payment; paying twice is refused', async () => {
    await t.http.post(`/admin/draft-orders/${draftId}/line-items`).set(t.auth).send({ title: 'Wrap', unit_price: 300, quantity: 1 });
    const draft = (await t.http.get(`/admin/draft-orders/${draftId}`).set(t.auth)).body.draft_order;
    const res = await t.http.post(`/admin/draft-orders/${draftId}/pay`).set(t.auth);
    expect(res.status).toBe(200);
    const order = res.body.order;
    expect(order).toMatchObject({ status: 'pending', payment_status: 'captured', fulfillment_status: 'not_fulfilled', draft_order_id: draftId, total: draft.cart.total });
    expect(order.payments).toHaveLength(1);
    expect(order.payments[0]).toMatchObject({ provider_id: 'system', amount: draft.cart.total });
    expect(order.items[0].tax_lines[0]).toMatchObject({ rate: 25, code: 'default' });
    expect((await t.em().findOneOrFail(DraftOrder, draftId)).status).toBe('completed');
    expect((await t.em().findOneOrFail(Cart, draft.cart.id)).completedAt).not.toBeNull();
    expect(await t.em().count(Payment, { order: order.id })).toBe(1);
    const again = await t.http.post(`/admin/draft-orders/${draftId}/pay`).set(t.auth);
    expect(again.status).toBe(422);
    expect(await t.em().count(Order, { draftOrderId: draftId })).toBe(1);
    const update = await t.http.post(`/admin/draft-orders/${draftId}`).set(t.auth).send({ email: 'late@example.com' });
    expect([update.status, update.body.message]).toEqual([400, 'You are only allowed to update open draft orders']);
  });

  it('deletes an open draft with its cart; again answers 200', async () => {
    const draft = (await newDraft()).body.draft_order;
    const res = await t.http.delete(`/admin/draft-orders/${draft.id}`).set(t.auth);
    expect(res.body).toEqual({ id: draft.id, object: 'draft-order', deleted: true });
    expect(await t.em().count(DraftOrder, { id: draft.id })).toBe(0);
    expect(await t.em().count(Cart, { id: draft.cart.id })).toBe(0);
    expect((await t.http.delete(`/admin/draft-orders/${draft.id}`).set(t.auth)).status).toBe(200);
  });

  it('lists with a fixed number of queries whatever the page size', async () => {
    for (let i = 0; i < 3; i += 1) await newDraft({ email: `list${i}@example.com` });
    const list = (limit: number) => t.http.get(`/admin/draft-orders?limit=${limit}&status[]=open`).set(t.auth);
    const all = await list(50);
    expect(all.body.count).toBeGreaterThanOrEqual(3);
    expect((await t.http.get('/admin/draft-orders?q=list1').set(t.auth)).body.draft_orders.map((d: any) => d.cart.email)).toEqual(['list1@example.com']);
    expect(await t.countQueries(() => list(1))).toBe(await t.countQueries(() => list(3)));
  });
});

describe('GraphQL draft orders', () => {
  it('creates, changes, pays and lists', async () => {
    const created = await t.gql(`mutation($r: String!, $o: String!, $v: String!) {
      createDraftOrder(input: { email: "gql@example.com", regionId: $r, shippingMethods: [{ optionId: $o }], items: [{ variantId: $v, quantity: 1 }] }) {
        id cart { total items { id subtotal } } } }`, { r: regionId, o: optionId, v: variantId });
    const draft = created.data.createDraftOrder;
    expect(draft.cart.total).toBe(1750 + 438 + 1250);
    const updated = await t.gql(`mutation($id: String!, $l: String!) { updateDraftOrderLineItem(id: $id, lineId: $l, input: { quantity: 2 }) { cart { items { quantity } } } }`,
      { id: draft.id, l: draft.cart.items[0].id });
    expect(updated.data.updateDraftOrderLineItem.cart.items[0].quantity).toBe(2);
    const paid = await t.gql(`mutation($id: String!) { payDraftOrder(id: $id) { id paymentStatus total paidTotal } }`, { id: draft.id });
    expect(paid.data.payDraftOrder).toMatchObject({ paymentStatus: 'captured', total: 3500 + 875, paidTotal: 3500 + 875 });
    const list = await t.gql(`{ draftOrders(filter: { status: [completed] }) { count items { id status } } }`);
    expect(list.data.draftOrders.items.map((d: any) => d.id)).toContain(draft.id);
    expect(errorType(await t.gql(`mutation { payDraftOrder(id: "dorder_missing") { id } }`))).toBe('not_found');
    expect(errorType(await t.gql(`mutation($id: String!) { payDraftOrder(id: $id) { id } }`, { id: draft.id }))).toBe('duplicate_error');
    expect((await t.gql('{ draftOrders { count } }', {}, {})).errors).toBeDefined();
  });
});
