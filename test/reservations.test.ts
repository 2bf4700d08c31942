import { startApp, TestApp, errorType } from './helpers';
import { makeLocation, makeVariantItem, stock } from './inventory.fixtures';
import type { Context } from '../src/context';
import { InventoryLevel } from '../src/entities/inventory-items';
import { Reservation } from '../src/entities/reservations';
import { adjustStockedQuantity, confirmVariantInventory } from '../src/services/inventory-items';
import { fulfilLineItem, releaseLineItems, reserveForLineItem, reserveVariant } from '../src/services/reservations';

let t: TestApp;
let itemId: string;
let variantId: string;
let warehouse: string;
let shop: string;
let empty: string;

beforeAll(async () => {
  t = await startApp();
  warehouse = await makeLocation(t, 'Warehouse');
  shop = await makeLocation(t, 'Shop');
  empty = await makeLocation(t, 'Empty');
  ({ itemId, variantId } = await makeVariantItem(t, 'MUG-WHITE'));
  await stock(t, itemId, warehouse, 10);
  await stock(t, itemId, shop, 4);
});
afterAll(() => t.close());

const level = (locationId: string) => t.em().findOneOrFail(InventoryLevel, { inventoryItem: itemId, location: locationId });
const reserved = async (locationId: string) => (await level(locationId)).reservedQuantity;
const liveReservations = () => t.em().count(Reservation, {});
/** Runs service functions in one transaction, as a mutation does. */
async function inTransaction<T>(work: (ctx: Context) => Promise<T>): Promise<T> {
  const ctx = t.ctx();
  return ctx.em.transactional(async (em) => {
    ctx.em = em as typeof ctx.em;
    return work(ctx);
  });
}

describe('REST /admin/reservations', () => {
  let id: string;

  it('reserves: the reservation is stored, made by the signed-in user, and counted in the level', async () => {
    const res = await t.http.post('/admin/reservations').set(t.auth).send({
      inventory_item_id: itemId, location_id: warehouse, quantity: 3, description: 'Hold for Ann', metadata: { ticket: 'T-1' },
    });
    expect(res.status).toBe(200);
    expect(res.body.reservation).toMatchObject({
      inventory_item_id: itemId, location_id: warehouse, quantity: 3, description: 'Hold for Ann', metadata: { ticket: 'T-1' },
      created_by: t.admin.id, line_item_id: null, external_id: null, deleted_at: null,
    });
    id = res.body.reservation.id;
    expect(id).toMatch(/^resitem_[0-9A-Z]{26}$/);
    expect(await t.em().findOneOrFail(Reservation, id)).toMatchObject({ quantity: 3, createdBy: t.admin.id });
    expect(await reserved(warehouse)).toBe(3);
    expect(t.events.some((e) => e.name === 'reservation-item.created')).toBe(true);
  });

  it('may reserve more than is available (available goes negative), as Medusa', async () => {
    const res = await t.http.post('/admin/reservations').set(t.auth).send({ inventory_item_id: itemId, location_id: shop, quantity: 6 });
    expect(res.status).toBe(200);
    const item = await t.http.get(`/admin/inventory-items/${itemId}`).set(t.auth);
    const atShop = item.body.inventory_item.location_levels.find((l: any) => l.location_id === shop);
    expect(atShop).toMatchObject({ stocked_quantity: 4, reserved_quantity: 6, available_quantity: -2 });
    expect(item.body.inventory_item).toMatchObject({ stocked_quantity: 14, reserved_quantity: 9 });
    await t.http.delete(`/admin/reservations/${res.body.reservation.id}`).set(t.auth);
  });

  it('refuses bad input with 400 and unknown items, locations and line items with 404, writing nothing', async () => {
    const before = await liveReservations();
    const base = { inventory_item_id: itemId, location_id: warehouse, quantity: 1 };
    for (const body of [{}, { ...base, quantity: 0 }, { ...base, quantity: -2 }, { ...base, quantity: 1.5 }, { ...base, quantity: '1' }, { ...base, foo: 1 }, { location_id: warehouse, quantity: 1 }]) {
      const res = await t.http.post('/admin/reservations').set(t.auth).send(body);
      expect({ body, status: res.status, type: res.body.type }).toEqual({ body, status: 400, type: 'invalid_data' });
    }
    expect((await t.http.post('/admin/reservations').set(t.auth).send({ ...base, quantity: 0 })).body.message).toBe('quantity must be a positive number');
    const notStocked = await t.http.post('/admin/reservations').set(t.auth).send({ ...base, location_id: empty });
    expect(notStocked.status).toBe(404);
    expect(notStocked.body).toEqual({ type: 'not_found', message: `Item ${itemId} is not stocked at location ${empty}` });
    const unknownItem = await t.http.post('/admin/reservations').set(t.auth).send({ ...base, inventory_item_id: 'iitem_missing' });
    expect(unknownItem.body).toEqual({ type: 'not_found', message: `Item iitem_missing is not stocked at location ${warehouse}` });
    const lineItem = await t.http.post('/admin/reservations').set(t.auth).send({ ...base, line_item_id: 'item_missing' });
    expect(lineItem.status).toBe(404);
    expect(lineItem.body.message).toBe('Line item with item_missing was not found');
    expect(await liveReservations()).toBe(before);
    expect(await reserved(warehouse)).toBe(3);
  });

  it('gets, and answers 404 for an unknown reservation', async () => {
    const res = await t.http.get(`/admin/reservations/${id}`).set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body.reservation).toMatchObject({ id, quantity: 3, created_by: t.admin.id });
    const missing = await t.http.get('/admin/reservations/resitem_missing').set(t.auth);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ type: 'not_found', message: 'Reservation with id resitem_missing not found' });
  });

  it('updates the quantity and moves the reservation; the levels follow', async () => {
    const res = await t.http.post(`/admin/reservations/${id}`).set(t.auth).send({ quantity: 5, description: 'Raised', metadata: { ticket: '', note: 'x' } });
    expect(res.status).toBe(200);
    expect(res.body.reservation).toMatchObject({ id, quantity: 5, description: 'Raised', metadata: { note: 'x' } });
    expect(await reserved(warehouse)).toBe(5);

    const moved = await t.http.post(`/admin/reservations/${id}`).set(t.auth).send({ location_id: shop, quantity: 2 });
    expect(moved.body.reservation).toMatchObject({ location_id: shop, quantity: 2 });
    expect(await reserved(warehouse)).toBe(0);
    expect(await reserved(shop)).toBe(2);
    expect((await t.em().findOneOrFail(Reservation, id)).locationId).toBe(shop);
  });

  it('refuses a move where the item is not stocked, a quantity of 0 and unknown reservations, changing nothing', async () => {
    const nowhere = await t.http.post(`/admin/reservations/${id}`).set(t.auth).send({ location_id: empty });
    expect(nowhere.status).toBe(404);
    expect(nowhere.body.message).toBe(`Item ${itemId} is not stocked at location ${empty}`);
    expect((await t.http.post(`/admin/reservations/${id}`).set(t.auth).send({ quantity: 0 })).status).toBe(400);
    expect((await t.http.post(`/admin/reservations/${id}`).set(t.auth).send({ bar: 1 })).status).toBe(400);
    const missing = await t.http.post('/admin/reservations/resitem_missing').set(t.auth).send({ quantity: 1 });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('ReservationItem with id resitem_missing was not found');
    expect(await t.em().findOneOrFail(Reservation, id)).toMatchObject({ quantity: 2, description: 'Raised' });
    expect(await reserved(shop)).toBe(2);
  });

  it('refuses to delete a level that has reservations (400 not_allowed), keeping it', async () => {
    const res = await t.http.delete(`/admin/inventory-items/${itemId}/location-levels/${shop}`).set(t.auth);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ type: 'not_allowed', message: `Cannot remove Inventory Level ${itemId} at Location ${shop} because there are reserved items.` });
    expect((await level(shop)).deletedAt).toBeNull();
  });

  it('lists with every filter, order, paging, fields and expand, at a fixed query cost', async () => {
    const other = await t.http.post('/admin/reservations').set(t.auth).send({ inventory_item_id: itemId, location_id: warehouse, quantity: 7, description: 'Pallet for the fair' });
    const otherId = other.body.reservation.id;
    const ids = async (query: string) => {
      const res = await t.http.get(`/admin/reservations?${query}`).set(t.auth);
      expect({ query, status: res.status }).toEqual({ query, status: 200 });
      return res.body.reservations.map((r: any) => r.id);
    };
    const all = await t.http.get('/admin/reservations').set(t.auth);
    expect(all.body).toMatchObject({ count: 2, offset: 0, limit: 20 });
    expect(all.body.reservations.map((r: any) => r.id)).toEqual([otherId, id]);
    // The list answers Medusa's default columns.
    expect(Object.keys(all.body.reservations[0]).sort()).toEqual(['created_at', 'description', 'id', 'inventory_item_id', 'line_item_id', 'location_id', 'metadata', 'quantity', 'updated_at']);
    expect(await ids(`location_id=${shop}`)).toEqual([id]);
    expect(await ids(`location_id[]=${shop}&location_id[]=${warehouse}`)).toEqual([otherId, id]);
    expect(await ids(`inventory_item_id[]=${itemId}`)).toEqual([otherId, id]);
    expect(await ids('inventory_item_id[]=iitem_other')).toEqual([]);
    expect(await ids(`created_by[]=${t.admin.id}`)).toEqual([otherId, id]);
    expect(await ids('line_item_id[]=item_1')).toEqual([]);
    expect(await ids('quantity[gt]=5')).toEqual([otherId]);
    expect(await ids('quantity[lte]=2')).toEqual([id]);
    expect(await ids('description=Raised')).toEqual([id]);
    expect(await ids('description[contains]=fair')).toEqual([otherId]);
    expect(await ids('description[starts_with]=pallet')).toEqual([otherId]);
    expect(await ids('created_at[gt]=2999-01-01')).toEqual([]);
    expect(await ids('updated_at[gte]=2000-01-01&order=quantity')).toEqual([id, otherId]);
    const page = await t.http.get('/admin/reservations?order=-quantity&limit=1&offset=1').set(t.auth);
    expect(page.body).toMatchObject({ count: 2, offset: 1, limit: 1 });
    expect(page.body.reservations.map((r: any) => r.id)).toEqual([id]);
    const fields = await t.http.get('/admin/reservations?fields=quantity').set(t.auth);
    expect(Object.keys(fields.body.reservations[0]).sort()).toEqual(['created_at', 'id', 'quantity']);
    const expanded = await t.http.get('/admin/reservations?expand=inventory_item').set(t.auth);
    expect(expanded.body.reservations[0].inventory_item).toMatchObject({ id: itemId, sku: 'MUG-WHITE' });
    for (const bad of ['q=mug', 'foo=1', 'order=secret', 'quantity[gt]=many', 'expand=line_item.order']) {
      expect({ bad, status: (await t.http.get(`/admin/reservations?${bad}`).set(t.auth)).status }).toEqual({ bad, status: 400 });
    }

    for (let i = 0; i < 4; i++) await t.http.post('/admin/reservations').set(t.auth).send({ inventory_item_id: itemId, location_id: warehouse, quantity: 1 });
    const small = await t.countQueries(() => t.http.get('/admin/reservations?limit=2&expand=inventory_item,location').set(t.auth));
    const large = await t.countQueries(() => t.http.get('/admin/reservations?limit=6&expand=inventory_item,location').set(t.auth));
    expect(large).toBe(small);
    const gql = '{ reservations(limit: LIMIT) { items { id inventoryItem { sku } location { name } } } }';
    expect(await t.countQueries(() => t.gql(gql.replace('LIMIT', '6')))).toBe(await t.countQueries(() => t.gql(gql.replace('LIMIT', '2'))));
  });

  it('deletes, taking the quantity off the level; a second delete and an unknown id answer 200', async () => {
    const before = await reserved(warehouse);
    const target = (await t.em().find(Reservation, { quantity: 7 }))[0];
    const res = await t.http.delete(`/admin/reservations/${target.id}`).set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: target.id, object: 'reservation', deleted: true });
    expect(await reserved(warehouse)).toBe(before - 7);
    expect(await t.em().count(Reservation, { id: target.id })).toBe(0);
    expect((await t.http.delete(`/admin/reservations/${target.id}`).set(t.auth)).body).toEqual({ id: target.id, object: 'reservation', deleted: true });
    expect(await reserved(warehouse)).toBe(before - 7);
    expect((await t.http.delete('/admin/reservations/resitem_missing').set(t.auth)).status).toBe(200);
    expect((await t.http.get(`/admin/reservations/${target.id}`).set(t.auth)).status).toBe(404);
  });

  it('answers 401 text/plain without credentials, writing nothing', async () => {
    const before = await liveReservations();
    for (const [method, path] of [
      ['get', '/admin/reservations'], ['post', '/admin/reservations'], ['get', `/admin/reservations/${id}`],
      ['post', `/admin/reservations/${id}`], ['delete', `/admin/reservations/${id}`],
    ] as const) {
      const res = await (t.http as any)[method](path).send({ inventory_item_id: itemId, location_id: warehouse, quantity: 1 });
      expect(res.status).toBe(401);
      expect(res.text).toBe('Unauthorized');
    }
    expect(await liveReservations()).toBe(before);
  });
});

describe('GraphQL reservations', () => {
  const FIELDS = 'id quantity locationId inventoryItemId lineItemId description createdBy metadata inventoryItem { sku } location { name }';

  it('creates, reads, updates, lists and deletes', async () => {
    const created = await t.gql(`mutation($input: CreateReservationInput!) { createReservation(input: $input) { ${FIELDS} } }`, {
      input: { inventoryItemId: itemId, locationId: warehouse, quantity: 2, description: 'GraphQL hold' },
    });
    expect(created.errors).toBeUndefined();
    const r = created.data.createReservation;
    expect(r).toMatchObject({ quantity: 2, locationId: warehouse, createdBy: t.admin.id, inventoryItem: { sku: 'MUG-WHITE' }, location: { name: 'Warehouse' } });
    const before = await reserved(shop);
    const moved = await t.gql('mutation($id: String!, $loc: String!) { updateReservation(id: $id, input: { locationId: $loc, quantity: 3 }) { locationId quantity } }', { id: r.id, loc: shop });
    expect(moved.data.updateReservation).toEqual({ locationId: shop, quantity: 3 });
    expect(await reserved(shop)).toBe(before + 3);
    const got = await t.gql('query($id: String!) { reservation(id: $id) { description } }', { id: r.id });
    expect(got.data.reservation.description).toBe('GraphQL hold');
    const list = await t.gql('query($loc: [String!]) { reservations(filter: { locationId: $loc, description: { contains: "GraphQL" } }) { items { id } count } }', { loc: [shop] });
    expect(list.data.reservations).toEqual({ items: [{ id: r.id }], count: 1 });
    const deleted = await t.gql('mutation($id: String!) { deleteReservation(id: $id) { id object deleted } }', { id: r.id });
    expect(deleted.data.deleteReservation).toEqual({ id: r.id, object: 'reservation', deleted: true });
    expect(await reserved(shop)).toBe(before);
  });

  it('reports bad input, unknown ids and missing credentials in Medusa types, writing nothing', async () => {
    const before = await liveReservations();
    const create = 'mutation($input: CreateReservationInput!) { createReservation(input: $input) { id } }';
    expect(errorType(await t.gql(create, { input: { inventoryItemId: itemId, locationId: warehouse, quantity: 0 } }))).toBe('invalid_data');
    expect(errorType(await t.gql(create, { input: { inventoryItemId: itemId, locationId: empty, quantity: 1 } }))).toBe('not_found');
    expect(errorType(await t.gql('{ reservation(id: "resitem_missing") { id } }'))).toBe('not_found');
    expect(errorType(await t.gql('mutation { updateReservation(id: "resitem_missing", input: { quantity: 2 }) { id } }'))).toBe('not_found');
    expect((await t.gql('mutation { deleteReservation(id: "resitem_missing") { deleted } }')).data.deleteReservation.deleted).toBe(true);
    expect(errorType(await t.gql('{ reservations { count } }', {}, {}))).toBe('unauthorized');
    expect(errorType(await t.gql(create, { input: { inventoryItemId: itemId, locationId: warehouse, quantity: 1 } }, {}))).toBe('unauthorized');
    expect(await liveReservations()).toBe(before);
  });
});

describe('invariants under load', () => {
  let hot: { itemId: string; variantId: string };
  let dock: string;
  const sumOfReservations = async () => (await t.em().find(Reservation, { inventoryItem: hot.itemId, location: dock })).reduce((s, r) => s + r.quantity, 0);
  const hotLevel = () => t.em().findOneOrFail(InventoryLevel, { inventoryItem: hot.itemId, location: dock });

  beforeAll(async () => {
    dock = await makeLocation(t, 'Dock');
    hot = await makeVariantItem(t, 'HOT-ITEM');
    await stock(t, hot.itemId, dock, 100);
  });

  it('50 concurrent reservation creates, updates and deletes on one level keep reserved_quantity the sum, with no 500', async () => {
    const existing: string[] = [];
    for (let i = 0; i < 20; i++) {
      existing.push((await t.http.post('/admin/reservations').set(t.auth).send({ inventory_item_id: hot.itemId, location_id: dock, quantity: 2 })).body.reservation.id);
    }
    const kinds: string[] = [];
    const requests: Promise<{ status: number }>[] = [];
    for (let i = 0; i < 50; i++) {
      const target = existing[i % existing.length];
      kinds.push(['create', 'update', 'delete'][i % 3]);
      if (i % 3 === 0) requests.push(t.http.post('/admin/reservations').set(t.auth).send({ inventory_item_id: hot.itemId, location_id: dock, quantity: 1 + (i % 4) }));
      else if (i % 3 === 1) requests.push(t.http.post(`/admin/reservations/${target}`).set(t.auth).send({ quantity: 1 + (i % 5) }));
      else requests.push(t.http.delete(`/admin/reservations/${target}`).set(t.auth));
    }
    const statuses = (await Promise.all(requests)).map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    // Creates and deletes all succeed; an update of a reservation deleted just before it is a 404.
    const unexpected = statuses.map((status, i) => ({ kind: kinds[i], status })).filter(({ kind, status }) => status !== 200 && !(kind === 'update' && status === 404));
    expect(unexpected).toEqual([]);
    const level = await hotLevel();
    expect(level.reservedQuantity).toBe(await sumOfReservations());
    expect(level.reservedQuantity).toBeGreaterThan(0);
  });

  it('concurrent level updates and reservations lose nothing: the last stocked quantity wins whole, reservations all count', async () => {
    const requests: Promise<{ status: number }>[] = [];
    const stockedValues = new Set<number>();
    for (let i = 0; i < 50; i++) {
      if (i % 2) {
        stockedValues.add(200 + i);
        requests.push(t.http.post(`/admin/inventory-items/${hot.itemId}/location-levels/${dock}`).set(t.auth).send({ stocked_quantity: 200 + i, incoming_quantity: i }));
      } else {
        requests.push(t.http.post('/admin/reservations').set(t.auth).send({ inventory_item_id: hot.itemId, location_id: dock, quantity: 1 }));
      }
    }
    const statuses = (await Promise.all(requests)).map((r) => r.status);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const level = await hotLevel();
    expect(level.reservedQuantity).toBe(await sumOfReservations());
    expect(stockedValues.has(level.stockedQuantity)).toBe(true);
    // Stocked and incoming were written by the same request: they still belong together.
    expect(level.incomingQuantity).toBe(level.stockedQuantity - 200);
  });

  it('concurrent stock adjustments (fulfilments) all count', async () => {
    const before = (await hotLevel()).stockedQuantity;
    await Promise.all(Array.from({ length: 20 }, () => inTransaction((ctx) => adjustStockedQuantity(ctx, hot.itemId, dock, -1))));
    expect((await hotLevel()).stockedQuantity).toBe(before - 20);
  });
});

describe('service functions for the orders domain', () => {
  let v: { itemId: string; variantId: string };
  let store: string;
  let channelId: string;

  beforeAll(async () => {
    store = await makeLocation(t, 'Store');
    v = await makeVariantItem(t, 'ORDER-ITEM');
    await stock(t, v.itemId, store, 10);
    channelId = (await t.http.post('/admin/sales-channels').set(t.auth).send({ name: 'Orders channel' })).body.sales_channel.id;
    await t.http.post(`/admin/sales-channels/${channelId}/stock-locations`).set(t.auth).send({ location_id: store });
  });
  const storeLevel = () => t.em().findOneOrFail(InventoryLevel, { inventoryItem: v.itemId, location: store });

  it('reserves a variant for a line item at the channel\'s location, and confirms availability', async () => {
    expect(await inTransaction((ctx) => confirmVariantInventory(ctx, v.variantId, 10, channelId))).toBe(true);
    expect(await inTransaction((ctx) => confirmVariantInventory(ctx, v.variantId, 11, channelId))).toBe(false);
    const made = await inTransaction((ctx) => reserveVariant(ctx, { variantId: v.variantId, quantity: 4, lineItemId: 'item_A', salesChannelId: channelId }));
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ quantity: 4, lineItemId: 'item_A', locationId: store });
    expect((await storeLevel()).reservedQuantity).toBe(4);
    expect(await inTransaction((ctx) => confirmVariantInventory(ctx, v.variantId, 7, channelId))).toBe(false);
    await inTransaction((ctx) => reserveForLineItem(ctx, { lineItemId: 'item_B', inventoryItemId: v.itemId, locationId: store, quantity: 2 }));
    expect((await storeLevel()).reservedQuantity).toBe(6);
    // A channel without locations cannot be chosen from.
    const bare = (await t.http.post('/admin/sales-channels').set(t.auth).send({ name: 'Bare' })).body.sales_channel.id;
    await expect(inTransaction((ctx) => reserveVariant(ctx, { variantId: v.variantId, quantity: 1, salesChannelId: bare }))).rejects.toMatchObject({ type: 'invalid_data' });
  });

  it('a fulfilment lowers the line item\'s reservations and the stock by the same amount', async () => {
    await inTransaction((ctx) => fulfilLineItem(ctx, { lineItemId: 'item_A', variantId: v.variantId, locationId: store, quantity: 3 }));
    const level = await storeLevel();
    expect(level).toMatchObject({ stockedQuantity: 7, reservedQuantity: 3 });
    const ofA = await t.em().find(Reservation, { lineItemId: 'item_A' });
    expect(ofA.map((r) => r.quantity)).toEqual([1]);
    await inTransaction((ctx) => fulfilLineItem(ctx, { lineItemId: 'item_A', variantId: v.variantId, locationId: store, quantity: 1 }));
    expect(await t.em().count(Reservation, { lineItemId: 'item_A' })).toBe(0);
    expect(await storeLevel()).toMatchObject({ stockedQuantity: 6, reservedQuantity: 2 });
  });

  it('releasing a line item deletes its reservations', async () => {
    await inTransaction((ctx) => releaseLineItems(ctx, ['item_B']));
    expect(await t.em().count(Reservation, { lineItemId: 'item_B' })).toBe(0);
    expect((await storeLevel()).reservedQuantity).toBe(0);
  });
});

describe('reservations for an order line item (the dashboard asks them with expand=line_item)', () => {
  let lineId: string;
  let orderId: string;
  beforeAll(async () => {
    const region = await t.http.post('/admin/regions').set(t.auth)
      .send({ name: 'Lines', currency_code: 'usd', tax_rate: 0, payment_providers: ['manual'], fulfillment_providers: ['manual'], countries: ['se'] });
    const option = await t.http.post('/admin/shipping-options').set(t.auth)
      .send({ name: 'Post', region_id: region.body.region.id, provider_id: 'manual', data: {}, price_type: 'flat_rate', amount: 100 });
    const draft = await t.http.post('/admin/draft-orders').set(t.auth).send({
      email: 'lines@example.com', region_id: region.body.region.id, shipping_methods: [{ option_id: option.body.shipping_option.id }],
      items: [{ title: 'Mugs', unit_price: 900, quantity: 3 }],
    });
    const paid = await t.http.post(`/admin/draft-orders/${draft.body.draft_order.id}/pay`).set(t.auth);
    orderId = paid.body.order.id;
    lineId = paid.body.order.items[0].id;
  });
  const forLine = () => t.em().count(Reservation, { lineItemId: lineId });

  it('reserves up to the unfulfilled quantity of the line, then refuses with Medusa\'s words, writing nothing', async () => {
    const base = { inventory_item_id: itemId, location_id: warehouse, line_item_id: lineId };
    expect((await t.http.post('/admin/reservations').set(t.auth).send({ ...base, quantity: 2 })).status).toBe(200);
    const before = await reserved(warehouse);
    const over = await t.http.post('/admin/reservations').set(t.auth).send({ ...base, quantity: 2 });
    expect(over.status).toBe(400);
    expect(over.body).toEqual({ type: 'invalid_data', message: 'The reservation quantity cannot be greater than the unfulfilled line item quantity' });
    expect(await forLine()).toBe(1);
    expect(await reserved(warehouse)).toBe(before);
  });

  it('never lets two concurrent reservations pass the check together', async () => {
    const base = { inventory_item_id: itemId, location_id: warehouse, line_item_id: lineId, quantity: 1 };
    const answers = await Promise.all([1, 2].map(() => t.http.post('/admin/reservations').set(t.auth).send(base)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400]);
    expect(await forLine()).toBe(2);
  });

  it('answers the line item with its order\'s columns (no totals) on expand=line_item, and no key where there is none', async () => {
    const res = await t.http.get(`/admin/reservations?inventory_item_id[]=${itemId}&expand=line_item,inventory_item&limit=50`).set(t.auth);
    expect(res.status).toBe(200);
    const withLine = res.body.reservations.filter((r: any) => r.line_item_id === lineId);
    expect(withLine).toHaveLength(2);
    for (const r of withLine) {
      expect(r.line_item).toMatchObject({ id: lineId, quantity: 3, order_id: orderId, order: { id: orderId, email: 'lines@example.com' } });
      expect(r.line_item.total).toBeUndefined();
      expect(r.line_item.order.total).toBeUndefined();
    }
    const byHand = res.body.reservations.filter((r: any) => !r.line_item_id);
    expect(byHand.length).toBeGreaterThan(0);
    for (const r of byHand) expect('line_item' in r).toBe(false);
    const byLine = await t.http.get(`/admin/reservations?line_item_id[0]=${lineId}`).set(t.auth);
    expect(byLine.body.count).toBe(2);
  });

  it('answers the line item and its order through GraphQL', async () => {
    const res = await t.gql(`{ reservations(filter: { lineItemId: ["${lineId}"] }) { items { lineItem { id order { id } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.reservations.items).toEqual([
      { lineItem: { id: lineId, order: { id: orderId } } }, { lineItem: { id: lineId, order: { id: orderId } } },
    ]);
  });
});
