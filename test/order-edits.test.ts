import { startApp, TestApp, errorType } from './helpers';
import { makeLocation } from './inventory.fixtures';
import { LineItem, Order } from '../src/entities/orders';
import { OrderEdit, OrderEditStatus, OrderItemChange } from '../src/entities/order-edits';
import { PaymentCollection } from '../src/entities/payment-collections';
import { Reservation } from '../src/entities/reservations';
import { ORDER_EDIT_MACHINE } from '../src/services/order-edits';

let t: TestApp;
let regionId: string;
let optionId: string;
let white: string;
let black: string;

beforeAll(async () => {
  t = await startApp();
  const region = await t.http.post('/admin/regions').set(t.auth)
    .send({ name: 'Edits', currency_code: 'usd', tax_rate: 25, payment_providers: ['manual'], fulfillment_providers: ['manual'], countries: ['dk'] });
  regionId = region.body.region.id;
  const option = await t.http.post('/admin/shipping-options').set(t.auth)
    .send({ name: 'Post', region_id: regionId, provider_id: 'manual', data: {}, price_type: 'flat_rate', amount: 1000 });
  optionId = option.body.shipping_option.id;
  const product = await t.http.post('/admin/products').set(t.auth).send({
    title: 'Mug', options: [{ title: 'Colour' }],
    variants: [
      { title: 'White', manage_inventory: false, options: [{ value: 'White' }], prices: [{ currency_code: 'usd', amount: 1000 }] },
      { title: 'Black', manage_inventory: false, options: [{ value: 'Black' }], prices: [{ currency_code: 'usd', amount: 2000 }] },
    ],
  });
  [white, black] = product.body.product.variants.map((v: any) => v.id);
});
afterAll(() => t.close());

/** An order (a paid draft) of two white mugs; `variant` another variant instead. */
async function newOrder(email: string, variant = white, quantity = 2): Promise<any> {
  const draft = await t.http.post('/admin/draft-orders').set(t.auth).send({
    email, region_id: regionId, shipping_methods: [{ option_id: optionId }], items: [{ variant_id: variant, quantity }],
  });
  const paid = await t.http.post(`/admin/draft-orders/${draft.body.draft_order.id}/pay`).set(t.auth);
  expect(paid.status).toBe(200);
  return paid.body.order;
}

async function newEdit(orderId: string, note?: string): Promise<any> {
  const res = await t.http.post('/admin/order-edits').set(t.auth).send({ order_id: orderId, internal_note: note });
  expect(res.status).toBe(200);
  return res.body.order_edit;
}

const orderLines = async (orderId: string) => (await t.em().find(LineItem, { order: orderId }, { orderBy: { id: 'asc' } }));

describe('the order-edit state machine', () => {
  it('allows item changes while created or requested, and nothing after confirm, decline or cancel', () => {
    const { created, requested, confirmed, declined, canceled } = OrderEditStatus;
    for (const s of [created, requested]) expect(ORDER_EDIT_MACHINE.can('changeItems', s)).toBe(true);
    for (const s of [confirmed, declined, canceled]) expect(ORDER_EDIT_MACHINE.can('changeItems', s)).toBe(false);
    expect(ORDER_EDIT_MACHINE.check('confirm', requested)).toEqual({ to: confirmed, changed: true });
    expect(ORDER_EDIT_MACHINE.check('confirm', confirmed)).toEqual({ to: confirmed, changed: false });
    expect(ORDER_EDIT_MACHINE.check('cancel', canceled)).toEqual({ to: canceled, changed: false });
    expect(ORDER_EDIT_MACHINE.can('confirm', canceled)).toBe(false);
    expect(ORDER_EDIT_MACHINE.can('delete', requested)).toBe(false);
    expect(ORDER_EDIT_MACHINE.check('request', created)).toEqual({ to: requested, changed: true });
  });
});

describe('REST /admin/order-edits: the lifecycle', () => {
  it('copies the order, records changes, undoes them one by one, requests with a payment collection and confirms', async () => {
    const order = await newOrder('life@example.com');
    const edit = await newEdit(order.id, 'more mugs');
    expect(edit).toMatchObject({ status: 'created', order_id: order.id, internal_note: 'more mugs', changes: [], difference_due: 0, total: order.total });
    expect(edit.items).toHaveLength(1);
    const copy = edit.items[0];
    expect(copy).toMatchObject({ original_item_id: order.items[0].id, order_edit_id: edit.id, order_id: null, quantity: 2, tax_lines: [{ rate: 25 }] });
    expect(edit.updated_at).toBeUndefined();
    expect(t.events.some((e) => e.name === 'order-edit.created' && (e.data as any).id === edit.id)).toBe(true);

    const again = await t.http.post('/admin/order-edits').set(t.auth).send({ order_id: order.id });
    expect([again.status, again.body.message]).toEqual([400, `An active order edit already exists for the order ${order.id}`]);

    const url = `/admin/order-edits/${edit.id}`;
    const added = await t.http.post(`${url}/items`).set(t.auth).send({ variant_id: black, quantity: 1 });
    expect(added.status).toBe(200);
    // One black mug: 2000 + 25 % tax.
    expect(added.body.order_edit.difference_due).toBe(2500);
    const addChange = added.body.order_edit.changes[0];
    expect(addChange).toMatchObject({ type: 'item_add', original_line_item_id: null, line_item: { unit_price: 2000, quantity: 1 } });

    const updated = await t.http.post(`${url}/items/${copy.id}`).set(t.auth).send({ quantity: 3 });
    expect(updated.body.order_edit.difference_due).toBe(2500 + 1250);
    const updateChange = updated.body.order_edit.changes.find((c: any) => c.type === 'item_update');
    expect(updateChange).toMatchObject({ line_item_id: copy.id, original_line_item_id: order.items[0].id });

    // Undo the update: the copy takes the order line's quantity again.
    const undone = await t.http.delete(`${url}/changes/${updateChange.id}`).set(t.auth);
    expect(undone.body).toEqual({ id: updateChange.id, object: 'item_change', deleted: true });
    expect((await t.em().findOneOrFail(LineItem, copy.id)).quantity).toBe(2);

    // Remove the copy, then undo the removal: the order line is copied again.
    const removed = await t.http.delete(`${url}/items/${copy.id}`).set(t.auth);
    expect(removed.body.order_edit.items.map((i: any) => i.variant_id)).toEqual([black]);
    const removeChange = removed.body.order_edit.changes.find((c: any) => c.type === 'item_remove');
    await t.http.delete(`${url}/changes/${removeChange.id}`).set(t.auth);
    const back = (await t.http.get(url).set(t.auth)).body.order_edit;
    expect(back.items.map((i: any) => [i.variant_id, i.quantity, i.original_item_id]).sort()).toEqual(
      [[black, 1, null], [white, 2, order.items[0].id]].sort(),
    );
    expect(back.changes.map((c: any) => c.type)).toEqual(['item_add']);
    expect(back.difference_due).toBe(2500);

    const requested = await t.http.post(`${url}/request`).set(t.auth).send({ payment_collection_description: 'the rest' });
    expect(requested.body.order_edit).toMatchObject({ status: 'requested', payment_collection: { amount: 2500, status: 'not_paid', description: 'the rest', type: 'order_edit' } });
    expect(t.events.some((e) => e.name === 'order-edit.requested' && (e.data as any).id === edit.id)).toBe(true);
    // Asked again after another change: the same unpaid collection takes the new difference.
    await t.http.post(`${url}/items`).set(t.auth).send({ variant_id: black, quantity: 1 });
    const twice = await t.http.post(`${url}/request`).set(t.auth);
    expect(twice.body.order_edit.payment_collection).toMatchObject({ id: requested.body.order_edit.payment_collection_id, amount: 5000 });
    expect(await t.em().count(PaymentCollection, {})).toBe(1);

    const confirmed = await t.http.post(`${url}/confirm`).set(t.auth);
    expect(confirmed.body.order_edit).toMatchObject({ status: 'confirmed', difference_due: 0 });
    const lines = await orderLines(order.id);
    expect(lines.map((l) => l.id).sort()).toEqual(confirmed.body.order_edit.items.map((i: any) => i.id).sort());
    expect(lines.map((l) => l.quantity).sort()).toEqual([1, 1, 2]);
    const after = (await t.http.get(`/admin/orders/${order.id}`).set(t.auth)).body.order;
    expect(after.total).toBe(order.total + 5000);
    expect(after.items).toHaveLength(3);
    const store = await t.http.get('/admin/store').set(t.auth);
    expect(store.body.store.feature_flags).toContainEqual({ key: 'order_editing', value: true });
    const withEdits = await t.http.get(`/admin/orders/${order.id}?expand=edits`).set(t.auth);
    expect(withEdits.body.order.edits).toMatchObject([{ id: edit.id, status: 'confirmed' }]);
    expect(withEdits.body.order.edits[0].total).toBeUndefined();
  });

  it('refuses forbidden transitions with Medusa\'s words and changes nothing', async () => {
    const order = await newOrder('forbid@example.com');
    const edit = await newEdit(order.id);
    const url = `/admin/order-edits/${edit.id}`;
    const noChanges = await t.http.post(`${url}/request`).set(t.auth);
    expect([noChanges.status, noChanges.body.message]).toEqual([400, 'Cannot request a confirmation on an edit with no changes']);
    const { body: { order_edit: withAdd } } = await t.http.post(`${url}/items`).set(t.auth).send({ variant_id: black, quantity: 1 });
    await t.http.post(`${url}/request`).set(t.auth);
    const del = await t.http.delete(url).set(t.auth);
    expect([del.status, del.body.type, del.body.message]).toEqual([400, 'not_allowed', 'Cannot delete order edit with status requested']);
    expect((await t.http.post(`${url}/cancel`).set(t.auth)).body.order_edit.status).toBe('canceled');
    const stamp = (await t.em().findOneOrFail(OrderEdit, edit.id)).canceledAt;
    expect((await t.http.post(`${url}/cancel`).set(t.auth)).status).toBe(200);
    expect((await t.em().findOneOrFail(OrderEdit, edit.id)).canceledAt).toEqual(stamp);
    const confirm = await t.http.post(`${url}/confirm`).set(t.auth);
    expect([confirm.status, confirm.body.message]).toEqual([400, 'Cannot confirm an order edit with status canceled']);
    const add = await t.http.post(`${url}/items`).set(t.auth).send({ variant_id: black, quantity: 1 });
    expect([add.status, add.body.message]).toEqual([400, 'Can not add an item to the edit with status canceled']);
    const update = await t.http.post(`${url}/items/${edit.items[0].id}`).set(t.auth).send({ quantity: 5 });
    expect([update.status, update.body.message]).toEqual([400, `Can not update an item on the order edit ${edit.id} with the status canceled`]);
    const undo = await t.http.delete(`${url}/changes/${withAdd.changes[0].id}`).set(t.auth);
    expect([undo.status, undo.body.message]).toEqual([400, 'Cannot delete and item change from a canceled order edit']);
    const request = await t.http.post(`${url}/request`).set(t.auth);
    expect([request.status, request.body.type]).toEqual([400, 'not_allowed']);
    expect((await t.em().findOneOrFail(LineItem, edit.items[0].id)).quantity).toBe(2);
    expect(await t.em().count(OrderItemChange, { orderEdit: edit.id })).toBe(1);
    // The order keeps its lines; a new edit may start.
    expect((await orderLines(order.id)).map((l) => l.id)).toEqual([order.items[0].id]);
    expect((await newEdit(order.id)).items).toHaveLength(1);
    // A canceled order is not edited.
    const other = await newOrder('forbid2@example.com');
    await t.http.post(`/admin/orders/${other.id}/cancel`).set(t.auth);
    const canceled = await t.http.post('/admin/order-edits').set(t.auth).send({ order_id: other.id });
    expect([canceled.status, canceled.body.message]).toEqual([400, 'A canceled order cannot be edited']);
  });

  it('deletes a created edit with its lines; an unknown one answers deleted', async () => {
    const order = await newOrder('delete@example.com');
    const edit = await newEdit(order.id);
    await t.http.post(`/admin/order-edits/${edit.id}/items`).set(t.auth).send({ variant_id: black, quantity: 1 });
    const res = await t.http.delete(`/admin/order-edits/${edit.id}`).set(t.auth);
    expect(res.body).toEqual({ id: edit.id, object: 'order_edit', deleted: true });
    expect(await t.em().count(OrderEdit, { id: edit.id })).toBe(0);
    expect(await t.em().count(LineItem, { orderEditId: edit.id })).toBe(0);
    expect((await orderLines(order.id)).map((l) => l.id)).toEqual([order.items[0].id]);
    expect((await t.http.delete('/admin/order-edits/oe_missing').set(t.auth)).status).toBe(200);
  });

  it('refuses bad input (nothing written), unknown ids and no credentials', async () => {
    const order = await newOrder('bad@example.com');
    const edit = await newEdit(order.id);
    const url = `/admin/order-edits/${edit.id}`;
    const cases: [string, string, unknown, string][] = [
      ['post', `${url}/items`, { variant_id: black, quantity: 1.5 }, 'quantity must be an integer number'],
      ['post', `${url}/items`, { variant_id: black }, 'quantity must be an integer number'],
      ['post', `${url}/items`, { variant_id: black, quantity: -1 }, 'quantity must be a positive number'],
      ['post', `${url}/items`, { variant_id: 'variant_missing', quantity: 1 }, 'Unable to generate the line items, some variant has not been found: variant_missing'],
      ['post', `${url}/items/${edit.items[0].id}`, { quantity: 0 }, 'quantity must be a positive number'],
      ['post', `${url}/items/${edit.items[0].id}`, { quantity: 'two' }, 'quantity must be a number conforming to the specified constraints'],
      ['post', `${url}/items/${order.items[0].id}`, { quantity: 1 }, `Invalid line item id ${order.items[0].id} it does not belong to the same order edit ${order.id}.`],
      ['post', url, { internal_note: 5 }, 'internal_note must be a string'],
      ['post', '/admin/order-edits', {}, 'order_id must be a string'],
      ['post', '/admin/order-edits', { order_id: order.id, colour: 'red' }, 'property colour should not exist'],
    ];
    for (const [method, path, body, message] of cases) {
      const res = await (t.http as any)[method](path).set(t.auth).send(body);
      expect([path, res.status, res.body.message]).toEqual([path, 400, message]);
    }
    expect(await t.em().count(OrderItemChange, { orderEdit: edit.id })).toBe(0);
    expect(await t.em().count(LineItem, { orderEditId: edit.id })).toBe(1);
    expect((await t.em().findOneOrFail(LineItem, edit.items[0].id)).quantity).toBe(2);

    const missing = await t.http.get('/admin/order-edits/oe_missing').set(t.auth);
    expect([missing.status, missing.body.message]).toEqual([404, 'Order edit with id oe_missing was not found']);
    for (const path of ['/admin/order-edits/oe_missing/confirm', '/admin/order-edits/oe_missing/cancel', '/admin/order-edits/oe_missing/request']) {
      expect((await t.http.post(path).set(t.auth)).status).toBe(404);
    }
    expect((await t.http.post(`${url}/items/item_missing`).set(t.auth).send({ quantity: 1 })).status).toBe(404);
    expect((await t.http.delete(`${url}/changes/oic_missing`).set(t.auth)).status).toBe(404);
    const unknownOrder = await t.http.post('/admin/order-edits').set(t.auth).send({ order_id: 'order_missing' });
    expect([unknownOrder.status, unknownOrder.body.message]).toEqual([404, 'Order with order_id order_missing does not exist.']);
    expect((await t.http.get('/admin/order-edits')).status).toBe(401);
    expect((await t.http.post(`${url}/confirm`)).status).toBe(401);
    expect((await t.http.post(`${url}/items`).send({ variant_id: black, quantity: 1 })).status).toBe(401);
    expect((await t.em().findOneOrFail(OrderEdit, edit.id)).status).toBe('created');
  });

  it('lists by order and note with a fixed number of queries', async () => {
    const order = await newOrder('list@example.com');
    const first = await newEdit(order.id, 'list-note alpha');
    await t.http.post(`/admin/order-edits/${first.id}/cancel`).set(t.auth);
    const second = await newEdit(order.id, 'list-note beta');
    const byOrder = await t.http.get(`/admin/order-edits?order_id=${order.id}`).set(t.auth);
    expect(byOrder.body).toMatchObject({ count: 2, limit: 20, offset: 0 });
    expect(byOrder.body.order_edits.map((e: any) => e.id).sort()).toEqual([first.id, second.id].sort());
    expect(byOrder.body.order_edits[0].difference_due).toBe(0);
    const byNote = await t.http.get('/admin/order-edits?q=note beta').set(t.auth);
    expect(byNote.body.order_edits.map((e: any) => e.id)).toEqual([second.id]);
    expect((await t.http.get('/admin/order-edits?status=created').set(t.auth)).status).toBe(400);
    const page = (limit: number) => t.http.get(`/admin/order-edits?limit=${limit}`).set(t.auth);
    const fewest = async (limit: number) => {
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) counts.push(await t.countQueries(() => page(limit)));
      return Math.min(...counts);
    };
    await newEdit((await newOrder('list2@example.com')).id);
    expect(await fewest(1)).toBe(await fewest(3));
  });
});

describe('edit totals with a discount', () => {
  it('spreads the order\'s fixed discount over the edit\'s lines, to the cent of the real server', async () => {
    const product = await t.http.post('/admin/products').set(t.auth).send({
      title: 'Cmp', options: [{ title: 'C' }],
      variants: [
        { title: 'W', manage_inventory: false, options: [{ value: 'W' }], prices: [{ currency_code: 'usd', amount: 1333 }] },
        { title: 'B', manage_inventory: false, options: [{ value: 'B' }], prices: [{ currency_code: 'usd', amount: 2777 }] },
      ],
    });
    const [w, b] = product.body.product.variants.map((v: any) => v.id);
    await t.http.post('/admin/discounts').set(t.auth).send({ code: 'EDIT500', rule: { type: 'fixed', value: 500, allocation: 'total' }, regions: [regionId] });
    const draft = await t.http.post('/admin/draft-orders').set(t.auth).send({
      email: 'discount@example.com', region_id: regionId, discounts: [{ code: 'EDIT500' }], shipping_methods: [{ option_id: optionId }],
      items: [{ variant_id: w, quantity: 3 }, { title: 'Custom', unit_price: 999, quantity: 1 }],
    });
    const order = (await t.http.post(`/admin/draft-orders/${draft.body.draft_order.id}/pay`).set(t.auth)).body.order;
    const edit = await newEdit(order.id);
    const line = (e: any) => e.items.map((i: any) => [i.unit_price, i.quantity, i.subtotal, i.discount_total, i.tax_total, i.total]).sort();
    const totals = (e: any) => [e.subtotal, e.discount_total, e.shipping_total, e.tax_total, e.total, e.difference_due];
    expect(totals(edit)).toEqual([4998, 500, 1000, 1125, 6623, 0]);
    // Figures of Medusa 1.20.11 for the same steps.
    const added = (await t.http.post(`/admin/order-edits/${edit.id}/items`).set(t.auth).send({ variant_id: b, quantity: 2 })).body.order_edit;
    expect(totals(added)).toEqual([10552, 500, 1000, 2513, 13565, 6942]);
    expect(line(added)).toEqual([[1333, 3, 3999, 209, 947, 4737], [2777, 2, 5554, 291, 1316, 6579], [999, 1, 999, 0, 0, 999]].sort());
    const copy = added.items.find((i: any) => i.variant_id === w);
    const updated = (await t.http.post(`/admin/order-edits/${edit.id}/items/${copy.id}`).set(t.auth).send({ quantity: 1 })).body.order_edit;
    expect(totals(updated)).toEqual([7886, 500, 1000, 1847, 10233, 3610]);
    expect(line(updated)).toEqual([[1333, 1, 1333, 97, 309, 1545], [2777, 2, 5554, 403, 1288, 6439], [999, 1, 999, 0, 0, 999]].sort());
    await t.http.post(`/admin/order-edits/${edit.id}/confirm`).set(t.auth);
    const after = (await t.http.get(`/admin/orders/${order.id}`).set(t.auth)).body.order;
    expect([after.subtotal, after.discount_total, after.tax_total, after.total]).toEqual([7886, 500, 1847, 10233]);
  });
});

describe('confirming while items change', () => {
  it('leaves the order with exactly the confirmed lines, whatever the interleaving', async () => {
    for (let round = 0; round < 3; round++) {
      const order = await newOrder(`race${round}@example.com`);
      const edit = await newEdit(order.id);
      const url = `/admin/order-edits/${edit.id}`;
      const changes = [
        ...[1, 2, 3].map((q) => () => t.http.post(`${url}/items`).set(t.auth).send({ variant_id: black, quantity: q })),
        () => t.http.post(`${url}/items/${edit.items[0].id}`).set(t.auth).send({ quantity: 5 }),
        () => t.http.delete(`${url}/items/${edit.items[0].id}`).set(t.auth),
      ];
      const results = await Promise.all([
        ...changes.slice(0, 2 + round).map((send) => send()),
        t.http.post(`${url}/confirm`).set(t.auth),
        ...changes.slice(2 + round).map((send) => send()),
      ]);
      for (const r of results) expect([200, 400]).toContain(r.status);
      for (const r of results.filter((x) => x.status === 400)) expect(r.body.type).toBe('not_allowed');
      const onOrder = (await orderLines(order.id)).map((l) => l.id).sort();
      const ofEdit = (await t.em().find(LineItem, { orderEditId: edit.id })).map((l) => l.id).sort();
      expect(onOrder).toEqual(ofEdit);
      expect(onOrder.length).toBeGreaterThan(0);
      expect((await t.em().findOneOrFail(OrderEdit, edit.id)).status).toBe('confirmed');
      // Nothing of the edit was left behind the confirmation.
      expect(await t.em().count(LineItem, { orderEditId: edit.id, order: null })).toBe(0);
    }
  });
});

describe('reservations follow a confirmed edit', () => {
  it('reserves the new lines of managed variants and releases the replaced ones', async () => {
    const location = await makeLocation(t, 'Edits warehouse');
    const store = await t.http.get('/admin/store').set(t.auth);
    await t.http.post(`/admin/sales-channels/${store.body.store.default_sales_channel_id}/stock-locations`).set(t.auth).send({ location_id: location });
    const product = await t.http.post('/admin/products').set(t.auth).send({
      title: 'Managed mug', options: [{ title: 'Size' }],
      variants: [{ title: 'M', sku: 'EDIT-M', options: [{ value: 'M' }], prices: [{ currency_code: 'usd', amount: 500 }] }],
    });
    const variant = product.body.product.variants[0].id;
    const item = (await t.http.get('/admin/inventory-items?sku=EDIT-M').set(t.auth)).body.inventory_items[0].id;
    await t.http.post(`/admin/inventory-items/${item}/location-levels`).set(t.auth).send({ location_id: location, stocked_quantity: 10 });
    const order = await newOrder('reserve@example.com', variant, 2);

    const first = await newEdit(order.id);
    await t.http.post(`/admin/order-edits/${first.id}/items/${first.items[0].id}`).set(t.auth).send({ quantity: 3 });
    expect((await t.http.post(`/admin/order-edits/${first.id}/confirm`).set(t.auth)).status).toBe(200);
    const reserved = async () => (await t.em().find(Reservation, { inventoryItem: item, deletedAt: null }));
    expect((await reserved()).map((r) => [r.lineItemId, r.quantity])).toEqual([[first.items[0].id, 3]]);

    const second = await newEdit(order.id);
    await t.http.post(`/admin/order-edits/${second.id}/items/${second.items[0].id}`).set(t.auth).send({ quantity: 1 });
    await t.http.post(`/admin/order-edits/${second.id}/confirm`).set(t.auth);
    expect((await reserved()).map((r) => [r.lineItemId, r.quantity])).toEqual([[second.items[0].id, 1]]);
    const level = await t.http.get(`/admin/inventory-items/${item}/location-levels`).set(t.auth);
    expect(level.body.inventory_item.location_levels[0].reserved_quantity).toBe(1);
  });
});

describe('GraphQL order edits', () => {
  it('creates, changes, requests and confirms; the order answers its edits', async () => {
    const order = await newOrder('gql@example.com');
    const created = await t.gql(`mutation($o: String!) { createOrderEdit(input: { orderId: $o, internalNote: "gql" }) { id status items { id quantity } } }`, { o: order.id });
    const edit = created.data.createOrderEdit;
    expect(edit.status).toBe('created');
    const added = await t.gql(`mutation($id: String!, $v: String!) { addOrderEditItem(id: $id, input: { variantId: $v, quantity: 2 }) { differenceDue changes { type lineItem { quantity } } } }`, { id: edit.id, v: black });
    expect(added.data.addOrderEditItem).toEqual({ differenceDue: 5000, changes: [{ type: 'item_add', lineItem: { quantity: 2 } }] });
    const updated = await t.gql(`mutation($id: String!, $i: String!) { updateOrderEditItem(id: $id, itemId: $i, input: { quantity: 1 }) { differenceDue items { quantity subtotal } } }`, { id: edit.id, i: edit.items[0].id });
    expect(updated.data.updateOrderEditItem.differenceDue).toBe(5000 - 1250);
    const requested = await t.gql(`mutation($id: String!) { requestOrderEditConfirmation(id: $id) { status paymentCollection { amount status } } }`, { id: edit.id });
    expect(requested.data.requestOrderEditConfirmation).toEqual({ status: 'requested', paymentCollection: { amount: 3750, status: 'not_paid' } });
    const confirmed = await t.gql(`mutation($id: String!) { confirmOrderEdit(id: $id) { status order { items { quantity } edits { id status } } } }`, { id: edit.id });
    expect(confirmed.data.confirmOrderEdit.status).toBe('confirmed');
    expect(confirmed.data.confirmOrderEdit.order.items.map((i: any) => i.quantity).sort()).toEqual([1, 2]);
    expect(confirmed.data.confirmOrderEdit.order.edits).toEqual([{ id: edit.id, status: 'confirmed' }]);
    const list = await t.gql(`query($o: String!) { orderEdits(filter: { orderId: $o }) { count items { id total } } }`, { o: order.id });
    expect(list.data.orderEdits.count).toBe(1);
    expect(errorType(await t.gql(`mutation($id: String!) { cancelOrderEdit(id: $id) { id } }`, { id: edit.id }))).toBe('not_allowed');
    expect(errorType(await t.gql(`query { orderEdit(id: "oe_missing") { id } }`))).toBe('not_found');
    expect(errorType(await t.gql(`mutation($id: String!, $v: String!) { addOrderEditItem(id: $id, input: { variantId: $v, quantity: 1.5 }) { id } }`, { id: edit.id, v: black }))).toBe('invalid_data');
    const noAuth = await t.gql(`query { orderEdits { count } }`, {}, {});
    expect(noAuth.status).toBe(401);
    expect((await t.em().findOneOrFail(Order, order.id)).id).toBe(order.id);
  });
});
