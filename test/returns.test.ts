import { startApp, TestApp, errorType } from './helpers';
import { LineItem, Order, Refund } from '../src/entities/orders';
import { InventoryLevel } from '../src/entities/inventory-items';
import { Reservation } from '../src/entities/reservations';
import { Return, ReturnItem, ReturnStatus } from '../src/entities/returns';
import { RETURN_MACHINE } from '../src/services/returns';

let t: TestApp;
let regionId: string;
let optionId: string;
let returnOptionId: string;
let locationId: string;
let variantId: string;
let itemId: string;
let reasonId: string;

beforeAll(async () => {
  t = await startApp();
  const post = async (path: string, body: object) => {
    const res = await t.http.post(path).set(t.auth).send(body);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  await post('/admin/store/currencies/eur', {});
  const channelId = (await t.http.get('/admin/store').set(t.auth)).body.store.default_sales_channel_id;
  regionId = (await post('/admin/regions', { name: 'Returns', currency_code: 'eur', tax_rate: 25, payment_providers: ['manual'], fulfillment_providers: ['manual'], countries: ['fi'] })).region.id;
  optionId = (await post('/admin/shipping-options', { name: 'Post', region_id: regionId, provider_id: 'manual', data: {}, price_type: 'flat_rate', amount: 1000 })).shipping_option.id;
  returnOptionId = (await post('/admin/shipping-options', { name: 'Back', region_id: regionId, provider_id: 'manual', data: {}, price_type: 'flat_rate', amount: 400, is_return: true })).shipping_option.id;
  locationId = (await post('/admin/stock-locations', { name: 'Warehouse' })).stock_location.id;
  await post(`/admin/sales-channels/${channelId}/stock-locations`, { location_id: locationId });
  const product = (await post('/admin/products', {
    title: 'Mug', options: [{ title: 'Colour' }], sales_channels: [{ id: channelId }],
    variants: [{ title: 'White', manage_inventory: true, options: [{ value: 'White' }], prices: [{ currency_code: 'eur', amount: 2000 }] }],
  })).product;
  variantId = product.variants[0].id;
  itemId = (await t.http.get(`/admin/variants/${variantId}/inventory`).set(t.auth)).body.variant.inventory[0].id;
  await post(`/admin/inventory-items/${itemId}/location-levels`, { location_id: locationId, stocked_quantity: 100 });
  reasonId = (await post('/admin/return-reasons', { value: 'broken', label: 'Broken' })).return_reason.id;
});
afterAll(() => t.close());

/** A paid order of `quantity` mugs (2000 + 25 % tax each). */
async function newOrder(quantity: number, email = 'buyer@example.com'): Promise<any> {
  const draft = await t.http.post('/admin/draft-orders').set(t.auth).send({
    email, region_id: regionId, shipping_methods: [{ option_id: optionId }], items: [{ variant_id: variantId, quantity }],
  });
  const paid = await t.http.post(`/admin/draft-orders/${draft.body.draft_order.id}/pay`).set(t.auth);
  expect(paid.status).toBe(200);
  return paid.body.order;
}

/** The order, fulfilled from the warehouse and shipped in full. */
async function shippedOrder(quantity: number): Promise<{ order: any; line: string }> {
  const order = await newOrder(quantity);
  const line = order.items[0].id;
  const ful = await t.http.post(`/admin/orders/${order.id}/fulfillment`).set(t.auth).send({ items: [{ item_id: line, quantity }], location_id: locationId });
  expect(ful.status).toBe(200);
  const ship = await t.http.post(`/admin/orders/${order.id}/shipment`).set(t.auth).send({ fulfillment_id: ful.body.order.fulfillments[0].id });
  expect(ship.body.order.fulfillment_status).toBe('shipped');
  return { order, line };
}

const level = async () => t.em().findOneOrFail(InventoryLevel, { inventoryItem: itemId, location: locationId });
const reservationsOf = (lineId: string) => t.em().find(Reservation, { lineItemId: lineId });

describe('order inventory', () => {
  it('placing an order reserves its lines at a location of its sales channel; REST and GraphQL list them', async () => {
    const before = await level();
    const order = await newOrder(3);
    const line = order.items[0].id;
    const held = await reservationsOf(line);
    expect(held.map((r) => [r.quantity, r.locationId, r.inventoryItemId])).toEqual([[3, locationId, itemId]]);
    expect((await level()).reservedQuantity).toBe(before.reservedQuantity + 3);
    const res = await t.http.get(`/admin/orders/${order.id}/reservations`).set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ count: 1, offset: 0, limit: 20 });
    expect(res.body.reservations[0]).toMatchObject({ line_item_id: line, quantity: 3, location_id: locationId });
    const gql = await t.gql(`query($id: String!) { orderReservations(id: $id) { count items { lineItemId quantity } } }`, { id: order.id });
    expect(gql.data.orderReservations).toEqual({ count: 1, items: [{ lineItemId: line, quantity: 3 }] });
    expect((await t.http.get('/admin/orders/order_missing/reservations').set(t.auth)).status).toBe(404);
    expect(errorType(await t.gql(`{ orderReservations(id: "order_missing") { count } }`))).toBe('not_found');
    expect((await t.http.get(`/admin/orders/${order.id}/reservations`)).status).toBe(401);
  });

  it('reserves a line by hand, never more than unfulfilled and unreserved, also under concurrent requests', async () => {
    const order = await newOrder(3);
    const line = order.items[0].id;
    const url = `/admin/orders/${order.id}/line-items/${line}/reserve`;
    const full = await t.http.post(url).set(t.auth).send({ location_id: locationId, quantity: 1 });
    expect([full.status, full.body.message]).toEqual([400, 'The reservation quantity cannot be greater than the unfulfilled line item quantity']);
    // Free the placement's reservation, then three requests race for two units.
    const [placed] = await reservationsOf(line);
    expect((await t.http.delete(`/admin/reservations/${placed.id}`).set(t.auth)).status).toBe(200);
    const before = (await level()).reservedQuantity;
    await t.http.post(`/admin/orders/${order.id}/fulfillment`).set(t.auth).send({ items: [{ item_id: line, quantity: 1 }] });
    const racing = await Promise.all([1, 2, 3].map(() => t.http.post(url).set(t.auth).send({ location_id: locationId, quantity: 1 })));
    expect(racing.map((r) => r.status).sort()).toEqual([200, 200, 400]);
    const ok = racing.find((r) => r.status === 200)!;
    expect(ok.body.reservation).toMatchObject({ line_item_id: line, quantity: 1, location_id: locationId });
    expect((await reservationsOf(line)).reduce((s, r) => s + r.quantity, 0)).toBe(2);
    expect((await level()).reservedQuantity).toBe(before + 2);
    // Bad input writes nothing; unknown line 404; no credentials 401.
    const bad = await t.http.post(url).set(t.auth).send({ quantity: 1 });
    expect([bad.status, bad.body.type]).toEqual([400, 'invalid_data']);
    expect((await t.http.post(`/admin/orders/${order.id}/line-items/item_missing/reserve`).set(t.auth).send({ location_id: locationId })).status).toBe(404);
    expect((await t.http.post(url).send({ location_id: locationId })).status).toBe(401);
    expect((await reservationsOf(line)).length).toBe(2);
  });

  it('reserves through GraphQL', async () => {
    const order = await newOrder(2);
    const line = order.items[0].id;
    await t.http.delete(`/admin/reservations/${(await reservationsOf(line))[0].id}`).set(t.auth);
    const m = `mutation($id: String!, $line: String!, $q: Float) { reserveOrderLineItem(id: $id, lineItemId: $line, input: { locationId: "${locationId}", quantity: $q }) { quantity lineItemId } }`;
    expect((await t.gql(m, { id: order.id, line })).data.reserveOrderLineItem).toEqual({ quantity: 2, lineItemId: line });
    expect(errorType(await t.gql(m, { id: order.id, line, q: 1 }))).toBe('invalid_data');
    expect(errorType(await t.gql(m, { id: 'order_missing', line, q: 1 }))).toBe('not_found');
  });

  it('fulfilling from a location consumes the reservation and lowers the stock; canceling the fulfillment restocks; canceling the order releases', async () => {
    const order = await newOrder(3);
    const line = order.items[0].id;
    const before = await level();
    const ful = await t.http.post(`/admin/orders/${order.id}/fulfillment`).set(t.auth).send({ items: [{ item_id: line, quantity: 2 }], location_id: locationId });
    expect(ful.status).toBe(200);
    expect((await reservationsOf(line)).map((r) => r.quantity)).toEqual([1]);
    let now = await level();
    expect([now.stockedQuantity, now.reservedQuantity]).toEqual([before.stockedQuantity - 2, before.reservedQuantity - 2]);
    const cancel = await t.http.post(`/admin/orders/${order.id}/fulfillments/${ful.body.order.fulfillments[0].id}/cancel`).set(t.auth);
    expect(cancel.status).toBe(200);
    now = await level();
    expect(now.stockedQuantity).toBe(before.stockedQuantity);
    expect((await t.http.post(`/admin/orders/${order.id}/cancel`).set(t.auth)).body.order.status).toBe('canceled');
    expect(await reservationsOf(line)).toEqual([]);
    expect((await level()).reservedQuantity).toBe(before.reservedQuantity - 3);
    // A second cancel releases nothing more.
    await t.http.post(`/admin/orders/${order.id}/cancel`).set(t.auth);
    expect((await level()).reservedQuantity).toBe(before.reservedQuantity - 3);
  });

  it('concurrent fulfillments and cancels on one order take and release each unit once', async () => {
    const order = await newOrder(3);
    const line = order.items[0].id;
    const before = await level();
    const fulfil = () => t.http.post(`/admin/orders/${order.id}/fulfillment`).set(t.auth).send({ items: [{ item_id: line, quantity: 2 }], location_id: locationId });
    const racing = await Promise.all([fulfil(), fulfil()]);
    expect(racing.map((r) => r.status).sort()).toEqual([200, 400]);
    let now = await level();
    expect([now.stockedQuantity, now.reservedQuantity]).toEqual([before.stockedQuantity - 2, before.reservedQuantity - 2]);
    const fulId = racing.find((r) => r.status === 200)!.body.order.fulfillments[0].id;
    await t.http.post(`/admin/orders/${order.id}/fulfillments/${fulId}/cancel`).set(t.auth);
    const cancels = await Promise.all([1, 2].map(() => t.http.post(`/admin/orders/${order.id}/cancel`).set(t.auth)));
    expect(cancels.map((r) => r.status)).toEqual([200, 200]);
    now = await level();
    expect([now.stockedQuantity, now.reservedQuantity]).toEqual([before.stockedQuantity, before.reservedQuantity - 3]);
  });

  it('refuses to fulfil from a location with too little stock, writing nothing', async () => {
    const order = await newOrder(101);
    const line = order.items[0].id;
    const res = await t.http.post(`/admin/orders/${order.id}/fulfillment`).set(t.auth).send({ items: [{ item_id: line, quantity: 101 }], location_id: locationId });
    expect([res.status, res.body.message]).toEqual([400, 'Insufficient stock for item: Mug']);
    expect((await t.em().findOneOrFail(LineItem, line)).fulfilledQuantity ?? 0).toBe(0);
  });
});

describe('returns over REST', () => {
  it('requests a return with a reason, a note and return shipping: refund computed less the shipping', async () => {
    const { order, line } = await shippedOrder(2);
    t.events.length = 0;
    const res = await t.http.post(`/admin/orders/${order.id}/return`).set(t.auth).send({
      items: [{ item_id: line, quantity: 1, reason_id: reasonId, note: 'cracked' }], return_shipping: { option_id: returnOptionId, price: 400 },
    });
    expect(res.status).toBe(200);
    const [ret] = res.body.order.returns;
    // 2000 + 500 tax, less 400 + 100 tax of the return shipping
    expect(ret).toMatchObject({ status: 'requested', refund_amount: 2000, order_id: order.id, shipping_data: {} });
    expect(ret.items).toEqual([expect.objectContaining({ item_id: line, quantity: 1, requested_quantity: 1, reason_id: reasonId, note: 'cracked', is_requested: true })]);
    expect(ret.items[0].reason).toMatchObject({ id: reasonId, value: 'broken' });
    expect(ret.shipping_method).toMatchObject({ return_id: ret.id, price: 400, shipping_option_id: returnOptionId });
    expect(ret.shipping_method.tax_lines).toEqual([expect.objectContaining({ rate: 25 })]);
    expect(t.events.find((e) => e.name === 'order.return_requested')?.data).toMatchObject({ id: order.id, return_id: ret.id });
    const got = await t.http.get(`/admin/orders/${order.id}?expand=returnable_items,returns`).set(t.auth);
    expect(got.body.order.returnable_items.map((i: any) => i.id)).toEqual([line]);
    expect(got.body.order.returns).toHaveLength(1);
  });

  it('refuses bad input, unknown ids and no credentials, writing nothing', async () => {
    const { order, line } = await shippedOrder(1);
    const url = `/admin/orders/${order.id}/return`;
    const send = (body: object) => t.http.post(url).set(t.auth).send(body);
    const over = await send({ items: [{ item_id: line, quantity: 2 }] });
    expect([over.status, over.body.type]).toEqual([400, 'not_allowed']);
    const zero = await send({ items: [{ item_id: line, quantity: 0 }] });
    expect([zero.status, zero.body.type]).toEqual([400, 'invalid_data']);
    const text = await send({ items: [{ item_id: line, quantity: 'one' }] });
    expect([text.status, text.body.message]).toEqual([400, 'quantity must be an integer number']);
    expect((await send({ items: [{ item_id: 'item_missing', quantity: 1 }] })).status).toBe(404);
    expect((await send({ items: [{ item_id: line, quantity: 1, reason_id: 'rr_missing' }] })).status).toBe(404);
    expect((await send({ items: [{ item_id: line, quantity: 1 }], refund: 999999 })).status).toBe(400);
    const other = await newOrder(1);
    const foreign = await send({ items: [{ item_id: other.items[0].id, quantity: 1 }] });
    expect([foreign.status, foreign.body.message]).toEqual([400, 'Return contains invalid line item']);
    expect((await t.http.post('/admin/orders/order_missing/return').set(t.auth).send({ items: [{ item_id: line, quantity: 1 }] })).status).toBe(404);
    expect((await t.http.post(url).send({ items: [{ item_id: line, quantity: 1 }] })).status).toBe(401);
    expect(await t.em().count(Return, { order: order.id })).toBe(0);
    // Items not yet fulfilled cannot be returned (Medusa accepts them).
    const unfulfilled = await newOrder(1);
    const early = await t.http.post(`/admin/orders/${unfulfilled.id}/return`).set(t.auth).send({ items: [{ item_id: unfulfilled.items[0].id, quantity: 1 }] });
    expect([early.status, early.body.type]).toEqual([400, 'not_allowed']);
  });

  it('receives a return: refund with reason return, returned quantities, restock, partially_returned; then returned', async () => {
    const { order, line } = await shippedOrder(2);
    const req = await t.http.post(`/admin/orders/${order.id}/return`).set(t.auth).send({ items: [{ item_id: line, quantity: 1 }] });
    const retId = req.body.order.returns[0].id;
    const before = await level();
    t.events.length = 0;
    const res = await t.http.post(`/admin/returns/${retId}/receive`).set(t.auth).send({ items: [{ item_id: line, quantity: 1 }], location_id: locationId });
    expect(res.status).toBe(200);
    expect(res.body.return).toMatchObject({ id: retId, status: 'received', location_id: locationId, refund_amount: 2500, swap: null });
    expect(res.body.return.items[0]).toMatchObject({ received_quantity: 1, is_requested: true });
    expect((await level()).stockedQuantity).toBe(before.stockedQuantity + 1);
    const stored = await t.em().findOneOrFail(Order, order.id);
    expect(stored.fulfillmentStatus).toBe('partially_returned');
    expect((await t.em().find(Refund, { order: order.id })).map((r) => [r.amount, r.reason])).toEqual([[2500, 'return']]);
    expect((await t.em().findOneOrFail(LineItem, line)).returnedQuantity).toBe(1);
    expect(t.events.find((e) => e.name === 'order.items_returned')?.data).toMatchObject({ id: order.id, return_id: retId });
    // Forbidden transitions change nothing.
    const again = await t.http.post(`/admin/returns/${retId}/receive`).set(t.auth).send({ items: [{ item_id: line, quantity: 1 }], location_id: locationId });
    expect([again.status, again.body.message]).toEqual([400, `Return with id ${retId} has already been received`]);
    const cancel = await t.http.post(`/admin/returns/${retId}/cancel`).set(t.auth);
    expect([cancel.status, cancel.body.message]).toEqual([400, 'Can\'t cancel a return which has been returned']);
    expect((await t.em().find(Refund, { order: order.id })).length).toBe(1);
    // The last mug, received at once: the order is returned.
    const rest = await t.http.post(`/admin/orders/${order.id}/return`).set(t.auth).send({ items: [{ item_id: line, quantity: 1 }] });
    const last = rest.body.order.returns.find((r: any) => r.status === 'requested').id;
    await t.http.post(`/admin/returns/${last}/receive`).set(t.auth).send({ items: [{ item_id: line, quantity: 1 }], location_id: locationId });
    expect((await t.em().findOneOrFail(Order, order.id)).fulfillmentStatus).toBe('returned');
  });

  it('a refund above what is refundable puts the order in requires_action and refunds nothing', async () => {
    const { order, line } = await shippedOrder(1);
    const req = await t.http.post(`/admin/orders/${order.id}/return`).set(t.auth).send({ items: [{ item_id: line, quantity: 1 }] });
    const res = await t.http.post(`/admin/returns/${req.body.order.returns[0].id}/receive`).set(t.auth)
      .send({ items: [{ item_id: line, quantity: 1 }], location_id: locationId, refund: 999999 });
    expect(res.status).toBe(200);
    expect((await t.em().findOneOrFail(Order, order.id)).fulfillmentStatus).toBe('requires_action');
    expect(await t.em().count(Refund, { order: order.id })).toBe(0);
  });

  it('receive_now receives at once; without a location an item with inventory has nowhere to go (404, nothing written)', async () => {
    const { order, line } = await shippedOrder(2);
    const lost = await t.http.post(`/admin/orders/${order.id}/return`).set(t.auth).send({ items: [{ item_id: line, quantity: 1 }], receive_now: true });
    expect(lost.status).toBe(404);
    expect(await t.em().count(Return, { order: order.id })).toBe(0);
    const now = await t.http.post(`/admin/orders/${order.id}/return`).set(t.auth).send({ items: [{ item_id: line, quantity: 1 }], receive_now: true, location_id: locationId });
    expect(now.body.order.returns[0]).toMatchObject({ status: 'received', location_id: locationId });
    expect((await t.em().findOneOrFail(LineItem, line)).returnedQuantity).toBe(1);
  });

  it('cancels a requested return (again: no change); its items can be returned again; a canceled one is not received', async () => {
    const { order, line } = await shippedOrder(1);
    const req = await t.http.post(`/admin/orders/${order.id}/return`).set(t.auth).send({ items: [{ item_id: line, quantity: 1 }] });
    const retId = req.body.order.returns[0].id;
    const blocked = await t.http.post(`/admin/orders/${order.id}/return`).set(t.auth).send({ items: [{ item_id: line, quantity: 1 }] });
    expect([blocked.status, blocked.body.type]).toEqual([400, 'not_allowed']);
    const cancel = await t.http.post(`/admin/returns/${retId}/cancel`).set(t.auth);
    expect(cancel.status).toBe(200);
    expect(cancel.body.order.id).toBe(order.id);
    expect(cancel.body.order.returns[0].status).toBe('canceled');
    expect((await t.http.post(`/admin/returns/${retId}/cancel`).set(t.auth)).status).toBe(200);
    const receive = await t.http.post(`/admin/returns/${retId}/receive`).set(t.auth).send({ items: [{ item_id: line, quantity: 1 }] });
    expect([receive.status, receive.body.message]).toEqual([400, 'Cannot receive a canceled return']);
    expect((await t.http.post(`/admin/orders/${order.id}/return`).set(t.auth).send({ items: [{ item_id: line, quantity: 1 }] })).status).toBe(200);
    expect((await t.http.post('/admin/returns/ret_missing/cancel').set(t.auth)).status).toBe(404);
    expect((await t.http.post('/admin/returns/ret_missing/receive').set(t.auth).send({ items: [] })).status).toBe(404);
    expect((await t.http.post(`/admin/returns/${retId}/cancel`)).status).toBe(401);
  });

  it('an order with an open return is not canceled (Medusa\'s rule)', async () => {
    const order = await newOrder(1);
    const line = order.items[0].id;
    const ful = await t.http.post(`/admin/orders/${order.id}/fulfillment`).set(t.auth).send({ items: [{ item_id: line, quantity: 1 }] });
    await t.http.post(`/admin/orders/${order.id}/return`).set(t.auth).send({ items: [{ item_id: line, quantity: 1 }] });
    await t.http.post(`/admin/orders/${order.id}/fulfillments/${ful.body.order.fulfillments[0].id}/cancel`).set(t.auth);
    const cancel = await t.http.post(`/admin/orders/${order.id}/cancel`).set(t.auth);
    expect([cancel.status, cancel.body.message]).toEqual([400, 'All returns must be canceled before canceling an order']);
    expect((await t.em().findOneOrFail(Order, order.id)).status).toBe('pending');
  });

  it('two concurrent receipts of one return: one is received and refunded, the other refused', async () => {
    const { order, line } = await shippedOrder(1);
    const req = await t.http.post(`/admin/orders/${order.id}/return`).set(t.auth).send({ items: [{ item_id: line, quantity: 1 }] });
    const url = `/admin/returns/${req.body.order.returns[0].id}/receive`;
    const racing = await Promise.all([1, 2].map(() => t.http.post(url).set(t.auth).send({ items: [{ item_id: line, quantity: 1 }], location_id: locationId })));
    expect(racing.map((r) => r.status).sort()).toEqual([200, 400]);
    expect(await t.em().count(Refund, { order: order.id })).toBe(1);
    expect((await t.em().findOneOrFail(LineItem, line)).returnedQuantity).toBe(1);
  });

  it('concurrent return requests on one order never exceed what was shipped', async () => {
    const { order, line } = await shippedOrder(2);
    const racing = await Promise.all([1, 2, 3, 4].map(() => t.http.post(`/admin/orders/${order.id}/return`).set(t.auth).send({ items: [{ item_id: line, quantity: 1 }] })));
    expect(racing.map((r) => r.status).sort()).toEqual([200, 200, 400, 400]);
    const held = await t.em().find(ReturnItem, { item: line });
    expect(held.reduce((s, i) => s + i.quantity, 0)).toBe(2);
  });

  it('lists returns newest first with their order and items, in a fixed number of queries', async () => {
    const res = await t.http.get('/admin/returns?limit=2').set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ limit: 2, offset: 0 });
    expect(res.body.returns).toHaveLength(2);
    expect(res.body.returns[0].order).toMatchObject({ object: 'order' });
    expect(res.body.returns[0].order.total).toBeUndefined();
    expect(res.body.returns[0].items.length).toBeGreaterThan(0);
    expect(new Date(res.body.returns[0].created_at) >= new Date(res.body.returns[1].created_at)).toBe(true);
    expect((await t.http.get('/admin/returns?expand=order').set(t.auth)).status).toBe(400);
    expect((await t.http.get('/admin/returns')).status).toBe(401);
    const one = await t.countQueries(() => t.http.get('/admin/returns?limit=1').set(t.auth));
    const five = await t.countQueries(() => t.http.get('/admin/returns?limit=5').set(t.auth));
    expect(five).toBe(one);
  });
});

describe('returns over GraphQL', () => {
  it('requests, lists, receives and cancels', async () => {
    const { order, line } = await shippedOrder(2);
    const requested = await t.gql(`mutation($id: String!, $line: String!) {
      requestReturn(id: $id, input: { items: [{ itemId: $line, quantity: 1 }] }) { fulfillmentStatus returns { id status refundAmount items { itemId quantity } } }
    }`, { id: order.id, line });
    const ret = requested.data.requestReturn.returns[0];
    expect(ret).toMatchObject({ status: 'requested', refundAmount: 2500, items: [{ itemId: line, quantity: 1 }] });
    const list = await t.gql(`{ returns(limit: 1) { count items { id order { id } } } }`);
    expect(list.data.returns.items[0]).toEqual({ id: ret.id, order: { id: order.id } });
    const received = await t.gql(`mutation($id: String!, $line: String!, $loc: String) {
      receiveReturn(id: $id, input: { items: [{ itemId: $line, quantity: 1 }], locationId: $loc }) { status receivedAt }
    }`, { id: ret.id, line, loc: locationId });
    expect(received.data.receiveReturn.status).toBe('received');
    expect(errorType(await t.gql(`mutation($id: String!) { cancelReturn(id: $id) { id } }`, { id: ret.id }))).toBe('not_allowed');
    const second = await t.gql(`mutation($id: String!, $line: String!) { requestReturn(id: $id, input: { items: [{ itemId: $line, quantity: 1 }] }) { returns { id status } } }`, { id: order.id, line });
    const open = second.data.requestReturn.returns.find((r: any) => r.status === 'requested');
    const canceled = await t.gql(`mutation($id: String!) { cancelReturn(id: $id) { id returns { id status } } }`, { id: open.id });
    expect(canceled.data.cancelReturn.returns.find((r: any) => r.id === open.id).status).toBe('canceled');
    expect(errorType(await t.gql(`mutation { cancelReturn(id: "ret_missing") { id } }`))).toBe('not_found');
    expect(errorType(await t.gql(`mutation($line: String!) { requestReturn(id: "order_missing", input: { items: [{ itemId: $line, quantity: 1 }] }) { id } }`, { line }))).toBe('not_found');
    const anonymous = await t.gql(`{ returns { count } }`, {}, {});
    expect(anonymous.status).toBe(401);
  });
});

describe('the return state machine', () => {
  it('cancels requested returns, repeats a cancel harmlessly, refuses to cancel received ones or receive canceled ones', () => {
    expect(RETURN_MACHINE.check('cancel', ReturnStatus.requested)).toEqual({ to: ReturnStatus.canceled, changed: true });
    expect(RETURN_MACHINE.check('cancel', ReturnStatus.canceled)).toEqual({ to: ReturnStatus.canceled, changed: false });
    expect(() => RETURN_MACHINE.check('cancel', ReturnStatus.received)).toThrow('Can\'t cancel a return which has been returned');
    expect(() => RETURN_MACHINE.check('receive', ReturnStatus.canceled)).toThrow('Cannot receive a canceled return');
    expect(RETURN_MACHINE.can('receiveOnce', ReturnStatus.requires_action)).toBe(true);
    expect(RETURN_MACHINE.can('receiveOnce', ReturnStatus.received)).toBe(false);
  });
});
