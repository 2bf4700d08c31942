import { startApp, TestApp, errorType } from './helpers';
import { Cart, Fulfillment, LineItem, Refund, ShippingMethod } from '../src/entities/orders';
import { Return } from '../src/entities/returns';
import { ShippingOption } from '../src/entities/shipping-options';
import { CustomShippingOption, Swap } from '../src/entities/swaps';
import { cancelReturn } from '../src/services/returns';
import { SWAP_MACHINE } from '../src/services/swaps';

let t: TestApp;
let regionId: string;
let optionId: string;
let returnOptionId: string;
let white: string;
let black: string;

beforeAll(async () => {
  t = await startApp();
  await t.http.post('/admin/store/currencies/eur').set(t.auth);
  const region = await t.http.post('/admin/regions').set(t.auth)
    .send({ name: 'Swaps', currency_code: 'eur', tax_rate: 25, payment_providers: ['manual'], fulfillment_providers: ['manual'], countries: ['se'] });
  regionId = region.body.region.id;
  const option = await t.http.post('/admin/shipping-options').set(t.auth)
    .send({ name: 'Post', region_id: regionId, provider_id: 'manual', data: {}, price_type: 'flat_rate', amount: 1000 });
  optionId = option.body.shipping_option.id;
  const back = await t.http.post('/admin/shipping-options').set(t.auth)
    .send({ name: 'Back', region_id: regionId, provider_id: 'manual', data: {}, price_type: 'flat_rate', amount: 500, is_return: true });
  returnOptionId = back.body.shipping_option.id;
  const product = await t.http.post('/admin/products').set(t.auth).send({
    title: 'Mug', options: [{ title: 'Colour' }],
    variants: [
      { title: 'White', manage_inventory: false, options: [{ value: 'White' }], prices: [{ currency_code: 'eur', amount: 2000 }] },
      { title: 'Black', manage_inventory: false, options: [{ value: 'Black' }], prices: [{ currency_code: 'eur', amount: 3000 }] },
    ],
  });
  [white, black] = product.body.product.variants.map((v: any) => v.id);
});
afterAll(() => t.close());

/** A paid order of `quantity` white mugs, fulfilled unless `fulfil` is false; its line and fulfillment. */
async function newOrder(quantity: number, fulfil = true): Promise<{ id: string; line: string; fulfillment?: string }> {
  const draft = await t.http.post('/admin/draft-orders').set(t.auth).send({
    email: 'swapper@example.com', region_id: regionId, shipping_methods: [{ option_id: optionId }], items: [{ variant_id: white, quantity }],
    shipping_address: { first_name: 'Ada', last_name: 'L', address_1: '1 St', city: 'Town', country_code: 'se', postal_code: '11122' },
  });
  const order = (await t.http.post(`/admin/draft-orders/${draft.body.draft_order.id}/pay`).set(t.auth)).body.order;
  const line = order.items[0].id;
  if (!fulfil) return { id: order.id, line };
  const ful = await t.http.post(`/admin/orders/${order.id}/fulfillment`).set(t.auth).send({ items: [{ item_id: line, quantity }] });
  return { id: order.id, line, fulfillment: ful.body.order.fulfillments[0].id };
}

async function newSwap(order: { id: string; line: string }): Promise<any> {
  const res = await t.http.post(`/admin/orders/${order.id}/swaps`).set(t.auth).send({
    return_items: [{ item_id: order.line, quantity: 1, note: 'too small' }], additional_items: [{ variant_id: black, quantity: 1 }],
    return_shipping: { option_id: returnOptionId, price: 300 }, custom_shipping_options: [{ option_id: optionId, price: 0 }],
  });
  expect(res.status).toBe(200);
  return res.body.order.swaps[0];
}

/** Cancels the swap's return as the returns domain does. */
async function cancelSwapReturn(swapId: string): Promise<void> {
  const ret = await t.em().findOneOrFail(Return, { swapId });
  const ctx = t.ctx();
  await ctx.em.transactional(async (em) => { ctx.em = em as any; await cancelReturn(ctx, ret.id); });
}

describe('REST swaps', () => {
  it('creates a swap: its return, its new lines and the cart the customer completes', async () => {
    const order = await newOrder(2);
    const swap = await newSwap(order);
    expect(swap).toMatchObject({ fulfillment_status: 'not_fulfilled', payment_status: 'not_paid', difference_due: null, allow_backorder: true, confirmed_at: null });
    expect(swap.return_order).toMatchObject({ swap_id: swap.id, status: 'requested' });
    expect(swap.additional_items[0]).toMatchObject({ unit_price: 3000, quantity: 1, swap_id: swap.id, order_id: null, cart_id: swap.cart_id });
    const cart = await t.em().findOneOrFail(Cart, swap.cart_id);
    expect(cart).toMatchObject({ type: 'swap', email: 'swapper@example.com', metadata: { swap_id: swap.id, parent_order_id: order.id } });
    const lines = await t.em().find(LineItem, { cart: swap.cart_id }, { orderBy: { unitPrice: 'asc' } });
    // The returned mug at the opposite price, the return shipping, the new mug.
    expect(lines.map((l) => [l.title, l.unitPrice, l.quantity, l.isReturn])).toEqual([
      ['Mug', -2000, 1, true], ['Return shipping', 300, 1, true], ['Mug', 3000, 1, false],
    ]);
    const custom = await t.em().find(CustomShippingOption, { cart: swap.cart_id });
    expect(custom.map((c) => [c.shippingOption.id, c.price])).toEqual([[optionId, 0]]);
    expect(t.events.filter((e) => e.data.id === swap.id).map((e) => e.name)).toEqual(['swap.created']);

    const one = await t.http.get(`/admin/swaps/${swap.id}`).set(t.auth);
    expect(one.status).toBe(200);
    expect(one.body.swap).toMatchObject({ id: swap.id, order_id: order.id, cart: { id: swap.cart_id, subtotal: 1300 } });
    expect(one.body.swap.cart.items).toHaveLength(3);
    expect(one.body.swap.confirmed_at).toBeUndefined();
  });

  it('an unconfirmed swap is not fulfilled, shipped or paid, as the real server refuses it', async () => {
    const order = await newOrder(1);
    const swap = await newSwap(order);
    const ful = await t.http.post(`/admin/orders/${order.id}/swaps/${swap.id}/fulfillments`).set(t.auth);
    expect([ful.status, ful.body.message]).toEqual([400, 'Cannot fulfill an swap that doesn\'t have shipping methods']);
    const pay = await t.http.post(`/admin/orders/${order.id}/swaps/${swap.id}/process-payment`).set(t.auth);
    expect([pay.status, pay.body.message]).toEqual([400, 'Cannot process a swap that hasn\'t been confirmed by the customer']);
    const ship = await t.http.post(`/admin/orders/${order.id}/swaps/${swap.id}/shipments`).set(t.auth).send({ fulfillment_id: order.fulfillment });
    expect([ship.status, ship.body.message]).toEqual([404, `no fulfillment was found with the id: ${order.fulfillment} related to swap: ${swap.id}`]);
    expect((await t.em().findOneOrFail(Fulfillment, order.fulfillment!)).shippedAt).toBeNull();
    expect((await t.em().findOneOrFail(Swap, swap.id)).fulfillmentStatus).toBe('not_fulfilled');
  });

  it('cancels once its return is canceled; again changes nothing; a canceled swap refuses the rest', async () => {
    const order = await newOrder(1);
    const swap = await newSwap(order);
    const early = await t.http.post(`/admin/orders/${order.id}/swaps/${swap.id}/cancel`).set(t.auth);
    expect([early.status, early.body.message]).toEqual([400, 'Return must be canceled before the swap can be canceled']);
    await cancelSwapReturn(swap.id);
    const cancel = await t.http.post(`/admin/orders/${order.id}/swaps/${swap.id}/cancel`).set(t.auth);
    expect(cancel.body.order.swaps[0]).toMatchObject({ fulfillment_status: 'canceled', payment_status: 'canceled' });
    const stamp = (await t.em().findOneOrFail(Swap, swap.id)).canceledAt;
    expect(stamp).not.toBeNull();
    expect((await t.http.post(`/admin/orders/${order.id}/swaps/${swap.id}/cancel`).set(t.auth)).status).toBe(200);
    expect((await t.em().findOneOrFail(Swap, swap.id)).canceledAt).toEqual(stamp);
    for (const [path, message] of [
      ['/fulfillments', 'Canceled swap cannot be fulfilled'],
      ['/process-payment', 'Canceled swap cannot be processed'],
      ['/shipments', 'Canceled swap cannot be fulfilled as shipped'],
    ] as const) {
      const res = await t.http.post(`/admin/orders/${order.id}/swaps/${swap.id}${path}`).set(t.auth).send(path === '/shipments' ? { fulfillment_id: order.fulfillment } : {});
      expect([res.status, res.body.message]).toEqual([400, message]);
    }
  });

  it('a confirmed swap is fulfilled and shipped through the fulfilment code, and its negative difference refunded (reason swap)', async () => {
    const order = await newOrder(1);
    const swap = await newSwap(order);
    // What the customer's cart completion does in Medusa's Store API: confirmation, a difference, a shipping method.
    const em = t.em();
    const row = await em.findOneOrFail(Swap, swap.id);
    row.confirmedAt = new Date();
    row.differenceDue = -500;
    row.paymentStatus = 'confirmed' as never;
    em.create(ShippingMethod, { swapId: swap.id, shippingOption: em.getReference(ShippingOption, optionId), price: 0, data: {} } as any);
    await em.flush();
    const ful = await t.http.post(`/admin/orders/${order.id}/swaps/${swap.id}/fulfillments`).set(t.auth);
    expect(ful.status).toBe(200);
    const fulfilled = ful.body.order.swaps[0];
    expect(fulfilled.fulfillment_status).toBe('fulfilled');
    const fulfillmentId = fulfilled.fulfillments[0].id;
    expect(await t.em().findOneOrFail(Fulfillment, fulfillmentId)).toMatchObject({ swapId: swap.id, order: null });
    const ship = await t.http.post(`/admin/orders/${order.id}/swaps/${swap.id}/shipments`).set(t.auth).send({ fulfillment_id: fulfillmentId, tracking_numbers: ['S-1'] });
    expect(ship.body.order.swaps[0].fulfillment_status).toBe('shipped');
    const pay = await t.http.post(`/admin/orders/${order.id}/swaps/${swap.id}/process-payment`).set(t.auth);
    expect(pay.body.order.swaps[0].payment_status).toBe('difference_refunded');
    expect((await t.em().find(Refund, { order: order.id })).map((r) => [r.amount, r.reason])).toEqual([[500, 'swap']]);
    // Processing again refunds nothing more.
    await t.http.post(`/admin/orders/${order.id}/swaps/${swap.id}/process-payment`).set(t.auth);
    expect(await t.em().count(Refund, { order: order.id })).toBe(1);
    const cancel = await t.http.post(`/admin/orders/${order.id}/swaps/${swap.id}/cancel`).set(t.auth);
    expect([cancel.status, cancel.body.message]).toEqual([400, 'Swap with a refund cannot be canceled']);
  });

  it('refuses bad input with nothing written', async () => {
    const order = await newOrder(2);
    const unfulfilled = await newOrder(1, false);
    const other = await newOrder(1);
    const before = await t.em().count(Swap, {});
    const cases: [string, object, number, string][] = [
      [unfulfilled.id, { return_items: [{ item_id: unfulfilled.line, quantity: 1 }] }, 400, 'Cannot swap an order that has not been fulfilled'],
      [order.id, { additional_items: [{ variant_id: black, quantity: 1 }] }, 400, 'return_items should not be empty, return_items must be an array'],
      [order.id, { return_items: [{ item_id: order.line, quantity: 0 }] }, 400, 'quantity must not be less than 1'],
      [order.id, { return_items: [{ item_id: 'item_nope', quantity: 1 }] }, 404, 'Line item with item_nope was not found'],
      [order.id, { return_items: [{ item_id: other.line, quantity: 1 }] }, 404, `Line item with ${other.line} was not found`],
      [order.id, { return_items: [{ item_id: order.line, quantity: 1 }], additional_items: [{ variant_id: 'variant_nope', quantity: 1 }] }, 400, 'Unable to generate the line items, some variant has not been found: variant_nope'],
      ['order_nope', { return_items: [{ item_id: order.line, quantity: 1 }] }, 404, 'Order with id order_nope was not found'],
    ];
    for (const [id, body, status, message] of cases) {
      const res = await t.http.post(`/admin/orders/${id}/swaps`).set(t.auth).send(body);
      expect([res.status, res.body.message]).toEqual([status, message]);
    }
    const over = await t.http.post(`/admin/orders/${order.id}/swaps`).set(t.auth).send({ return_items: [{ item_id: order.line, quantity: 3 }] });
    expect(over.status).toBe(400);
    expect(await t.em().count(Swap, {})).toBe(before);
    expect(await t.em().count(Return, { swapId: { $ne: null } })).toBe(before);
    const anon = await t.http.post(`/admin/orders/${order.id}/swaps`).send({ return_items: [{ item_id: order.line, quantity: 1 }] });
    expect(anon.status).toBe(401);
    expect((await t.http.get('/admin/swaps/swap_nope').set(t.auth)).body).toMatchObject({ type: 'not_found', message: 'Swap was not found' });
    expect((await t.http.get('/admin/swaps')).status).toBe(401);
    const cancelUnknown = await t.http.post(`/admin/orders/${order.id}/swaps/swap_nope/cancel`).set(t.auth);
    expect(cancelUnknown.status).toBe(404);
  });

  it('lists swaps newest first with a fixed number of queries', async () => {
    const order = await newOrder(3);
    await newSwap(order);
    const res = await t.http.get('/admin/swaps?limit=1').set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ limit: 1, offset: 0 });
    expect(res.body.count).toBe(await t.em().count(Swap, {}));
    const newest = await t.em().find(Swap, {}, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: 1 });
    expect(res.body.swaps.map((s: any) => s.id)).toEqual([newest[0].id]);
    const bad = await t.http.get('/admin/swaps?status=open').set(t.auth);
    expect([bad.status, bad.body.message]).toEqual([400, 'property status should not exist']);
    expect(await t.countQueries(() => t.http.get('/admin/swaps?limit=1').set(t.auth))).toBe(await t.countQueries(() => t.http.get('/admin/swaps?limit=5').set(t.auth)));
  });
});

describe('GraphQL swaps', () => {
  it('creates a swap, reads it, and refuses its fulfilment', async () => {
    const order = await newOrder(1);
    const res = await t.gql(`mutation($id: String!, $input: CreateSwapInput!) { createSwap(id: $id, input: $input) { swaps { id paymentStatus additionalItems { unitPrice } } } }`,
      { id: order.id, input: { returnItems: [{ itemId: order.line, quantity: 1 }], additionalItems: [{ variantId: black, quantity: 2 }] } });
    expect(res.errors).toBeUndefined();
    const swapId = res.data.createSwap.swaps[0].id;
    const read = await t.gql('query($id: String!) { swap(id: $id) { id orderId cart { type total } returnOrder { status } } }', { id: swapId });
    expect(read.data.swap).toMatchObject({ id: swapId, orderId: order.id, cart: { type: 'swap' }, returnOrder: { status: 'requested' } });
    const ful = await t.gql('mutation($id: String!, $s: String!) { createSwapFulfillment(id: $id, swapId: $s) { id } }', { id: order.id, s: swapId });
    expect(errorType(ful)).toBe('not_allowed');
    const list = await t.gql('{ swaps(limit: 100) { count items { id } } }');
    expect(list.data.swaps.items.map((s: any) => s.id)).toContain(swapId);
    expect((await t.gql('{ swaps { count } }', {}, {})).status).toBe(401);
  });
});

describe('the swap state machine', () => {
  it('fulfils only unfulfilled or canceled-fulfillment swaps; a closed swap only repeats its cancel', () => {
    expect(SWAP_MACHINE.can('fulfillLines', 'not_fulfilled' as never)).toBe(true);
    expect(SWAP_MACHINE.can('fulfillLines', 'fulfilled' as never)).toBe(false);
    expect(SWAP_MACHINE.can('ship', 'closed')).toBe(false);
    expect(SWAP_MACHINE.check('cancel', 'closed')).toEqual({ to: 'closed', changed: false });
  });
});
