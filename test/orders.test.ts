import { startApp, TestApp, errorType } from './helpers';
import { Fulfillment, LineItem, Order, Payment, Refund, ShippingMethod } from '../src/entities/orders';

let t: TestApp;
let regionId: string;
let optionId: string;

beforeAll(async () => {
  t = await startApp();
  const region = await t.http.post('/admin/regions').set(t.auth)
    .send({ name: 'Orders', currency_code: 'usd', tax_rate: 25, payment_providers: ['manual'], fulfillment_providers: ['manual'], countries: ['dk'] });
  regionId = region.body.region.id;
  const option = await t.http.post('/admin/shipping-options').set(t.auth)
    .send({ name: 'Post', region_id: regionId, provider_id: 'manual', data: {}, price_type: 'flat_rate', amount: 1000 });
  optionId = option.body.shipping_option.id;
});
afterAll(() => t.close());

/** An order as the real server makes one: a draft order, paid. */
async function newOrder(email: string): Promise<any> {
  const draft = await t.http.post('/admin/draft-orders').set(t.auth).send({
    email, region_id: regionId, shipping_methods: [{ option_id: optionId }], items: [{ title: 'Service', unit_price: 4000, quantity: 1 }],
  });
  const paid = await t.http.post(`/admin/draft-orders/${draft.body.draft_order.id}/pay`).set(t.auth);
  expect(paid.status).toBe(200);
  return paid.body.order;
}

describe('REST /admin/orders', () => {
  let order: any;
  beforeAll(async () => { order = await newOrder('first@example.com'); });

  it('gets an order with its default relations and totals', async () => {
    const res = await t.http.get(`/admin/orders/${order.id}`).set(t.auth);
    expect(res.status).toBe(200);
    // 4000 custom (untaxed) + 1000 shipping with 250 tax
    expect(res.body.order).toMatchObject({ subtotal: 4000, shipping_total: 1000, tax_total: 250, total: 5250, paid_total: 5250, refundable_amount: 5250 });
    expect(res.body.order.payments).toHaveLength(1);
    expect(res.body.order.sales_channel_id).toBeDefined();
  });

  it('lists with filters, search and a fixed number of queries', async () => {
    await newOrder('second@example.com');
    const byEmail = await t.http.get('/admin/orders?q=first@').set(t.auth);
    expect(byEmail.body.orders.map((o: any) => o.id)).toEqual([order.id]);
    const captured = await t.http.get('/admin/orders?payment_status[]=captured&status[]=pending').set(t.auth);
    expect(captured.body.count).toBe(2);
    const bad = await t.http.get('/admin/orders?status[]=lost').set(t.auth);
    expect([bad.status, bad.body.type]).toEqual([400, 'invalid_data']);
    const list = (limit: number) => t.http.get(`/admin/orders?limit=${limit}`).set(t.auth);
    // Background work of the orders just made (event delivery in this process) may add a query to
    // one count now and then: the fewest of three runs is the request's own.
    const fewest = async (limit: number) => {
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) counts.push(await t.countQueries(() => list(limit)));
      return Math.min(...counts);
    };
    expect(await fewest(1)).toBe(await fewest(2));
  });

  it('follows the state machine: archive needs completed, cancel twice changes nothing, canceled refuses the rest', async () => {
    const archive = await t.http.post(`/admin/orders/${order.id}/archive`).set(t.auth);
    expect([archive.status, archive.body.message]).toEqual([400, 'Can\'t archive an unprocessed order']);
    expect((await t.http.post(`/admin/orders/${order.id}/complete`).set(t.auth)).body.order.status).toBe('completed');
    expect((await t.http.post(`/admin/orders/${order.id}/archive`).set(t.auth)).body.order.status).toBe('archived');
    const other = await newOrder('third@example.com');
    const canceled = await t.http.post(`/admin/orders/${other.id}/cancel`).set(t.auth);
    expect(canceled.body.order).toMatchObject({ status: 'canceled', payment_status: 'canceled', fulfillment_status: 'canceled' });
    const stamp = (await t.em().findOneOrFail(Order, other.id)).canceledAt;
    expect((await t.http.post(`/admin/orders/${other.id}/cancel`).set(t.auth)).status).toBe(200);
    expect((await t.em().findOneOrFail(Order, other.id)).canceledAt).toEqual(stamp);
    const capture = await t.http.post(`/admin/orders/${other.id}/capture`).set(t.auth);
    expect([capture.status, capture.body.message]).toEqual([400, 'A canceled order cannot capture payment']);
    const update = await t.http.post(`/admin/orders/${other.id}`).set(t.auth).send({ email: 'x@example.com' });
    expect([update.status, update.body.message]).toEqual([400, 'A canceled order cannot be updated']);
    expect((await t.em().findOneOrFail(Order, other.id)).email).toBe('third@example.com');
  });

  it('updates the email; refuses bad input; 404 and 401', async () => {
    const res = await t.http.post(`/admin/orders/${order.id}`).set(t.auth).send({ email: 'New@Example.com' });
    expect(res.body.order.email).toBe('new@example.com');
    expect((await t.http.post(`/admin/orders/${order.id}`).set(t.auth).send({ email: 'nope' })).status).toBe(400);
    expect((await t.http.post(`/admin/orders/${order.id}`).set(t.auth).send({ colour: 'red' })).status).toBe(400);
    expect((await t.em().findOneOrFail(Order, order.id)).email).toBe('new@example.com');
    expect((await t.http.get('/admin/orders/order_missing').set(t.auth)).status).toBe(404);
    expect((await t.http.post('/admin/orders/order_missing/cancel').set(t.auth)).status).toBe(404);
    expect((await t.http.get('/admin/orders')).status).toBe(401);
    expect((await t.http.post(`/admin/orders/${order.id}/cancel`)).status).toBe(401);
  });
});

describe('REST /admin/payments', () => {
  it('refunds a payment up to what is left, leaving the order\'s payment status; never twice past the limit', async () => {
    const order = await newOrder('pay@example.com');
    const paymentId = order.payments[0].id;
    const res = await t.http.post(`/admin/payments/${paymentId}/refund`).set(t.auth).send({ amount: 5000, reason: 'other', note: 'goodwill' });
    expect(res.status).toBe(200);
    expect(res.body.refund).toMatchObject({ amount: 5000, reason: 'other', note: 'goodwill', payment_id: paymentId, order_id: null });
    expect((await t.em().findOneOrFail(Payment, paymentId)).amountRefunded).toBe(5000);
    // Two concurrent refunds of what is left: the row lock lets one through.
    const both = await Promise.all([1, 2].map(() => t.http.post(`/admin/payments/${paymentId}/refund`).set(t.auth).send({ amount: 250, reason: 'other' })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 400]);
    expect(await t.em().count(Refund, { payment: paymentId })).toBe(2);
    const tooMuch = await t.http.post(`/admin/payments/${paymentId}/refund`).set(t.auth).send({ amount: 1, reason: 'other' });
    expect([tooMuch.status, tooMuch.body.message]).toEqual([400, `Only 0 can be refunded from Payment ${paymentId}`]);
    expect((await t.http.post(`/admin/payments/${paymentId}/refund`).set(t.auth).send({ amount: 1, reason: 'mood' })).status).toBe(400);
    expect((await t.em().findOneOrFail(Order, order.id)).paymentStatus).toBe('captured');
    expect((await t.http.get(`/admin/payments/${paymentId}`).set(t.auth)).body.payment.amount_refunded).toBe(5250);
    expect((await t.http.get('/admin/payments/pay_missing').set(t.auth)).status).toBe(404);
    expect((await t.http.get(`/admin/payments/${paymentId}`)).status).toBe(401);
  });
});

describe('GraphQL orders and payments', () => {
  it('lists, completes, captures, refunds', async () => {
    const order = await newOrder('gql@example.com');
    const list = await t.gql(`{ orders(filter: { email: "gql@example.com" }) { count items { id total paymentStatus items { subtotal refundable } } } }`);
    expect(list.data.orders.items[0]).toMatchObject({ id: order.id, total: 5250, paymentStatus: 'captured', items: [{ subtotal: 4000, refundable: 4000 }] });
    const done = await t.gql(`mutation($id: String!) { completeOrder(id: $id) { status } }`, { id: order.id });
    expect(done.data.completeOrder.status).toBe('completed');
    const captured = await t.gql(`mutation($id: String!) { capturePayment(id: $id) { capturedAt } }`, { id: order.payments[0].id });
    expect(captured.data.capturePayment.capturedAt).toBeTruthy();
    const refund = await t.gql(`mutation($id: String!) { refundPayment(id: $id, input: { amount: 100, reason: other }) { amount } }`, { id: order.payments[0].id });
    expect(refund.data.refundPayment.amount).toBe(100);
    expect(errorType(await t.gql(`mutation { cancelOrder(id: "order_missing") { id } }`))).toBe('not_found');
    expect(errorType(await t.gql(`mutation($id: String!) { archiveOrder(id: $id) { id } }`, { id: (await newOrder('g2@example.com')).id }))).toBe('not_allowed');
  });
});

describe('REST fulfillments and shipments', () => {
  it('fulfils part then all, ships with tracking numbers, refuses past the quantity; cancels unshipped only', async () => {
    const order = await newOrder('ful@example.com');
    const line = order.items[0].id;
    const url = `/admin/orders/${order.id}`;
    const over = await t.http.post(`${url}/fulfillment`).set(t.auth).send({ items: [{ item_id: line, quantity: 2 }] });
    expect([over.status, over.body.message]).toEqual([400, 'Cannot fulfill more items than have been purchased']);
    const bad = await t.http.post(`${url}/fulfillment`).set(t.auth).send({ items: [{ item_id: line, quantity: 'one' }] });
    expect([bad.status, bad.body.message]).toEqual([400, 'quantity must be an integer number']);
    expect(await t.em().count(Fulfillment, { order: order.id })).toBe(0);
    const done = await t.http.post(`${url}/fulfillment`).set(t.auth).send({ items: [{ item_id: line, quantity: 1 }] });
    expect(done.status).toBe(200);
    expect(done.body.order.fulfillment_status).toBe('fulfilled');
    const ful = done.body.order.fulfillments[0];
    expect(ful.items).toMatchObject([{ item_id: line, quantity: 1 }]);
    expect((await t.em().findOneOrFail(LineItem, line)).fulfilledQuantity).toBe(1);
    const noFul = await t.http.post(`${url}/shipment`).set(t.auth).send({ tracking_numbers: ['T1'] });
    expect(noFul.status).toBe(400);
    const shipped = await t.http.post(`${url}/shipment`).set(t.auth).send({ fulfillment_id: ful.id, tracking_numbers: ['T1', 'T2'] });
    expect(shipped.body.order.fulfillment_status).toBe('shipped');
    expect(shipped.body.order.fulfillments[0].tracking_links.map((l: any) => l.tracking_number).sort()).toEqual(['T1', 'T2']);
    const cancelShipped = await t.http.post(`${url}/fulfillments/${ful.id}/cancel`).set(t.auth);
    expect([cancelShipped.status, cancelShipped.body.type]).toEqual([400, 'not_allowed']);

    const other = await newOrder('ful2@example.com');
    const f2 = (await t.http.post(`/admin/orders/${other.id}/fulfillment`).set(t.auth).send({ items: [{ item_id: other.items[0].id, quantity: 1 }] })).body.order.fulfillments[0];
    expect((await t.http.post(`${url}/fulfillments/${f2.id}/cancel`).set(t.auth)).status).toBe(404);
    const canceled = await t.http.post(`/admin/orders/${other.id}/fulfillments/${f2.id}/cancel`).set(t.auth);
    expect(canceled.body.order.fulfillment_status).toBe('canceled');
    expect((await t.em().findOneOrFail(LineItem, other.items[0].id)).fulfilledQuantity).toBe(0);
    expect((await t.http.post(`/admin/orders/${other.id}/fulfillments/${f2.id}/cancel`).set(t.auth)).status).toBe(200);
    expect((await t.em().findOneOrFail(LineItem, other.items[0].id)).fulfilledQuantity).toBe(0);
    const shipCanceled = await t.http.post(`/admin/orders/${other.id}/shipment`).set(t.auth).send({ fulfillment_id: f2.id });
    expect([shipCanceled.status, shipCanceled.body.message]).toEqual([400, 'Fulfillment has been canceled']);
  });

  it('answers 404 for unknown orders and fulfillments, 401 without credentials', async () => {
    const order = await newOrder('ful3@example.com');
    const body = { items: [{ item_id: order.items[0].id, quantity: 1 }] };
    expect((await t.http.post('/admin/orders/order_missing/fulfillment').set(t.auth).send(body)).status).toBe(404);
    expect((await t.http.post(`/admin/orders/${order.id}/fulfillments/ful_missing/cancel`).set(t.auth)).status).toBe(404);
    expect((await t.http.post(`/admin/orders/${order.id}/shipment`).set(t.auth).send({ fulfillment_id: 'ful_missing' })).status).toBe(404);
    expect((await t.http.post(`/admin/orders/${order.id}/fulfillment`).send(body)).status).toBe(401);
    expect((await t.http.post(`/admin/orders/${order.id}/shipment`).send({ fulfillment_id: 'ful_x' })).status).toBe(401);
    expect((await t.http.post(`/admin/orders/${order.id}/fulfillments/ful_x/cancel`)).status).toBe(401);
    expect(await t.em().count(Fulfillment, { order: order.id })).toBe(0);
  });
});

describe('GraphQL fulfillments and shipments', () => {
  it('fulfils, ships and cancels; refuses bad input and unknown ids', async () => {
    const order = await newOrder('gqlful@example.com');
    const fulfil = `mutation($id: String!, $item: String!, $q: Float!) { createOrderFulfillment(id: $id, input: { items: [{ itemId: $item, quantity: $q }] }) { fulfillmentStatus fulfillments { id canceledAt } } }`;
    const over = await t.gql(fulfil, { id: order.id, item: order.items[0].id, q: 5 });
    expect(errorType(over)).toBe('not_allowed');
    const res = await t.gql(fulfil, { id: order.id, item: order.items[0].id, q: 1 });
    expect(res.data.createOrderFulfillment.fulfillmentStatus).toBe('fulfilled');
    const fulId = res.data.createOrderFulfillment.fulfillments[0].id;
    const cancel = await t.gql(`mutation($id: String!, $f: String!) { cancelOrderFulfillment(id: $id, fulfillmentId: $f) { fulfillmentStatus } }`, { id: order.id, f: fulId });
    expect(cancel.data.cancelOrderFulfillment.fulfillmentStatus).toBe('canceled');
    const again = await t.gql(fulfil, { id: order.id, item: order.items[0].id, q: 1 });
    const second = again.data.createOrderFulfillment.fulfillments.find((f: any) => !f.canceledAt).id;
    const ship = await t.gql(`mutation($id: String!, $f: String!) { createOrderShipment(id: $id, input: { fulfillmentId: $f, trackingNumbers: ["Z1"] }) { fulfillmentStatus fulfillments { trackingLinks { trackingNumber } } } }`, { id: order.id, f: second });
    expect(ship.data.createOrderShipment.fulfillmentStatus).toBe('shipped');
    expect(errorType(await t.gql(fulfil, { id: 'order_missing', item: 'x', q: 1 }))).toBe('not_found');
    expect(errorType(await t.gql(fulfil, { id: order.id, item: order.items[0].id, q: 1.5 }))).toBe('invalid_data');
  });
});

describe('REST /admin/orders/:id/refund', () => {
  it('refunds part then the rest (partially_refunded, refunded); never past the refundable amount, even concurrently', async () => {
    const order = await newOrder('refund@example.com');
    const url = `/admin/orders/${order.id}/refund`;
    const part = await t.http.post(url).set(t.auth).send({ amount: 250, reason: 'discount', note: 'goodwill' });
    expect(part.status).toBe(200);
    expect(part.body.order).toMatchObject({ payment_status: 'partially_refunded', refunded_total: 250, refundable_amount: 5000 });
    expect(part.body.order.refunds).toMatchObject([{ amount: 250, reason: 'discount', note: 'goodwill', payment_id: null }]);
    expect((await t.em().findOneOrFail(Payment, order.payments[0].id)).amountRefunded).toBe(250);
    // Two concurrent refunds of everything left: the order row lock lets one through.
    const both = await Promise.all([1, 2].map(() => t.http.post(url).set(t.auth).send({ amount: 5000, reason: 'other' })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 400]);
    expect(both.find((r) => r.status === 400)!.body.message).toBe('Cannot refund more than the original order amount');
    const after = await t.em().findOneOrFail(Order, order.id);
    expect(after.paymentStatus).toBe('refunded');
    expect(await t.em().count(Refund, { order: order.id })).toBe(2);
  });

  it('refuses bad input (nothing written), unknown orders, canceled orders and no credentials', async () => {
    const order = await newOrder('refund2@example.com');
    const url = `/admin/orders/${order.id}/refund`;
    expect((await t.http.post(url).set(t.auth).send({ amount: 1.5, reason: 'other' })).status).toBe(400);
    expect((await t.http.post(url).set(t.auth).send({ amount: 10, reason: 'mood' })).status).toBe(400);
    expect((await t.http.post(url).set(t.auth).send({ reason: 'other' })).status).toBe(400);
    expect(await t.em().count(Refund, { order: order.id })).toBe(0);
    const missing = await t.http.post('/admin/orders/order_missing/refund').set(t.auth).send({ amount: 10, reason: 'other' });
    expect([missing.status, missing.body.message]).toEqual([404, 'Order with id: order_missing was not found']);
    expect((await t.http.post(url).send({ amount: 10, reason: 'other' })).status).toBe(401);
    await t.http.post(`/admin/orders/${order.id}/cancel`).set(t.auth);
    const canceled = await t.http.post(url).set(t.auth).send({ amount: 10, reason: 'other' });
    expect([canceled.status, canceled.body.message]).toEqual([400, 'A canceled order cannot be refunded']);
  });

  it('refunds through GraphQL', async () => {
    const order = await newOrder('gqlrefund@example.com');
    const refund = `mutation($id: String!, $a: Int!) { refundOrder(id: $id, input: { amount: $a, reason: other }) { paymentStatus refundedTotal } }`;
    const res = await t.gql(refund, { id: order.id, a: 5250 });
    expect(res.data.refundOrder).toEqual({ paymentStatus: 'refunded', refundedTotal: 5250 });
    expect(errorType(await t.gql(refund, { id: order.id, a: 1 }))).toBe('not_allowed');
    expect(errorType(await t.gql(refund, { id: 'order_missing', a: 1 }))).toBe('not_found');
    expect(errorType(await t.gql(refund, { id: order.id, a: 0 }))).toBe('invalid_data');
  });
});

describe('shipping methods of an order', () => {
  it('adds a method at a price, replacing the one of the same profile; refuses bad input, unknown ids, canceled orders; REST and GraphQL', async () => {
    const order = await newOrder('sm@example.com');
    const url = `/admin/orders/${order.id}/shipping-methods`;
    const res = await t.http.post(url).set(t.auth).send({ option_id: optionId, price: 500, data: { note: 'express' } });
    expect(res.status).toBe(200);
    expect(res.body.order.shipping_methods).toMatchObject([{ price: 500, shipping_option_id: optionId, data: { note: 'express' } }]);
    expect(await t.em().count(ShippingMethod, { order: order.id })).toBe(1);
    expect((await t.http.post(url).set(t.auth).send({ option_id: optionId, price: 1.5 })).status).toBe(400);
    expect((await t.http.post(url).set(t.auth).send({ option_id: optionId })).status).toBe(400);
    const unknown = await t.http.post(url).set(t.auth).send({ option_id: 'so_missing', price: 1 });
    expect([unknown.status, unknown.body.message]).toEqual([404, 'Shipping Option with so_missing was not found']);
    expect((await t.em().findOneOrFail(ShippingMethod, { order: order.id })).price).toBe(500);
    expect((await t.http.post('/admin/orders/order_missing/shipping-methods').set(t.auth).send({ option_id: optionId, price: 1 })).status).toBe(404);
    expect((await t.http.post(url).send({ option_id: optionId, price: 1 })).status).toBe(401);
    const add = `mutation($id: String!, $o: String!) { addOrderShippingMethod(id: $id, input: { optionId: $o, price: 700 }) { shippingMethods { price } } }`;
    expect((await t.gql(add, { id: order.id, o: optionId })).data.addOrderShippingMethod.shippingMethods).toEqual([{ price: 700 }]);
    await t.http.post(`/admin/orders/${order.id}/cancel`).set(t.auth);
    expect(errorType(await t.gql(add, { id: order.id, o: optionId }))).toBe('not_allowed');
    expect(errorType(await t.gql(add, { id: 'order_missing', o: optionId }))).toBe('not_found');
  });
});
