import { startApp, TestApp, errorType } from './helpers';
import { makeLocation, makeVariantItem, stock } from './inventory.fixtures';
import { InventoryItem, InventoryLevel, ProductVariantInventoryItem } from '../src/entities/inventory-items';
import { ProductVariant } from '../src/entities/variants';

let t: TestApp;
let warehouse: string;
let shop: string;

beforeAll(async () => {
  t = await startApp();
  warehouse = await makeLocation(t, 'Warehouse');
  shop = await makeLocation(t, 'Shop');
});
afterAll(() => t.close());

const countItems = () => t.em().count(InventoryItem, {});
const linksOf = async (variantId: string) => (await t.em().find(ProductVariantInventoryItem, { variant: variantId })).map((l) => l.inventoryItem.id);

describe('variants and their items', () => {
  it('a variant created with manage_inventory gets an item with its sku and physical columns; one without does not', async () => {
    const before = await countItems();
    const res = await t.http.post('/admin/products').set(t.auth).send({
      title: 'Shirt', options: [{ title: 'Size' }],
      variants: [
        { title: 'S', sku: 'SHIRT-S', hs_code: '610910', origin_country: 'DK', mid_code: 'M1', material: 'cotton', weight: 200, length: 1, height: 2, width: 3, options: [{ value: 'S' }], prices: [{ currency_code: 'usd', amount: 100 }] },
        { title: 'M', manage_inventory: false, options: [{ value: 'M' }], prices: [{ currency_code: 'usd', amount: 100 }] },
      ],
    });
    expect(res.status).toBe(200);
    const [s, m] = res.body.product.variants;
    expect(await countItems()).toBe(before + 1);
    const [itemId] = await linksOf(s.id);
    expect(await t.em().findOneOrFail(InventoryItem, itemId)).toMatchObject({
      sku: 'SHIRT-S', hsCode: '610910', originCountry: 'DK', midCode: 'M1', material: 'cotton', weight: 200, length: 1, height: 2, width: 3, title: null, requiresShipping: true,
    });
    expect(await linksOf(m.id)).toEqual([]);
  });

  it('so does a variant added to a product, and a new variant of a product update', async () => {
    const { productId } = await makeVariantItem(t, 'CAP-ONE');
    const added = await t.http.post(`/admin/products/${productId}/variants`).set(t.auth).send({
      title: 'Two', sku: 'CAP-TWO', options: [{ option_id: (await t.http.get(`/admin/products/${productId}`).set(t.auth)).body.product.options[0].id, value: 'Two' }],
      prices: [{ currency_code: 'usd', amount: 100 }],
    });
    expect(added.status).toBe(200);
    const two = added.body.product.variants.find((v: any) => v.sku === 'CAP-TWO');
    expect(await linksOf(two.id)).toHaveLength(1);
  });

  it('deleting a variant removes its link (the item stays); deleting a product removes its variants\' links', async () => {
    const a = await makeVariantItem(t, 'MUG-A');
    const del = await t.http.delete(`/admin/products/${a.productId}/variants/${a.variantId}`).set(t.auth);
    expect(del.status).toBe(200);
    expect(await linksOf(a.variantId)).toEqual([]);
    expect(await t.em().count(InventoryItem, { id: a.itemId })).toBe(1);
    const list = await t.http.get('/admin/inventory-items?sku=MUG-A').set(t.auth);
    expect(list.body.inventory_items[0].variants).toEqual([]);

    const b = await makeVariantItem(t, 'MUG-B');
    expect((await t.http.delete(`/admin/products/${b.productId}`).set(t.auth)).status).toBe(200);
    expect(await linksOf(b.variantId)).toEqual([]);
    expect((await t.http.get('/admin/inventory-items?sku=MUG-B').set(t.auth)).body.inventory_items[0].variants).toEqual([]);
  });
});

describe('REST /admin/inventory-items', () => {
  let v: { productId: string; variantId: string };
  let id: string;

  beforeAll(async () => {
    const res = await t.http.post('/admin/products').set(t.auth).send({
      title: 'Loose tea', options: [{ title: 'Weight' }],
      variants: [{ title: '100 g', manage_inventory: false, options: [{ value: '100 g' }], prices: [{ currency_code: 'usd', amount: 100 }] }],
    });
    v = { productId: res.body.product.id, variantId: res.body.product.variants[0].id };
  });

  it('creates an item for a variant that has none, storing every given column', async () => {
    const res = await t.http.post('/admin/inventory-items').set(t.auth).send({
      variant_id: v.variantId, sku: 'TEA-100', hs_code: '0902', weight: 100, title: 'Tea, 100 g', description: 'Loose leaf', thumbnail: 'https://img/tea.png', metadata: { origin: 'Assam' },
    });
    expect(res.status).toBe(200);
    expect(res.body.inventory_item).toMatchObject({ sku: 'TEA-100', hs_code: '0902', weight: 100, title: 'Tea, 100 g', requires_shipping: true, deleted_at: null, metadata: { origin: 'Assam' } });
    expect(res.body.inventory_item).not.toHaveProperty('location_levels');
    id = res.body.inventory_item.id;
    expect(id).toMatch(/^iitem_[0-9A-Z]{26}$/);
    expect(await linksOf(v.variantId)).toEqual([id]);
    expect(await t.em().findOneOrFail(InventoryItem, id)).toMatchObject({ description: 'Loose leaf', thumbnail: 'https://img/tea.png' });
    expect(t.events.some((e) => e.name === 'inventory-item.created')).toBe(true);
  });

  it('refuses bad input (400), a variant that has an item (400) or does not exist (404), writing nothing', async () => {
    const before = await countItems();
    const noVariant = await t.http.post('/admin/inventory-items').set(t.auth).send({ sku: 'X' });
    expect(noVariant.status).toBe(400);
    expect(noVariant.body).toEqual({ type: 'not_allowed', message: 'variant_id is required' });
    const twice = await t.http.post('/admin/inventory-items').set(t.auth).send({ variant_id: v.variantId, sku: 'TEA-2' });
    expect(twice.status).toBe(400);
    expect(twice.body).toEqual({ type: 'not_allowed', message: 'Inventory Item already exists for this variant' });
    const unknown = await t.http.post('/admin/inventory-items').set(t.auth).send({ variant_id: 'variant_missing' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('Variants not found for the following ids: variant_missing');
    for (const body of [{ variant_id: v.variantId, foo: 1 }, { variant_id: v.variantId, weight: 'heavy' }, { variant_id: v.variantId, requires_shipping: false }, { variant_id: 5 }]) {
      const res = await t.http.post('/admin/inventory-items').set(t.auth).send(body);
      expect({ body, status: res.status, type: res.body.type }).toEqual({ body, status: 400, type: 'invalid_data' });
    }
    const dupSku = await makeVariantItem(t, 'TEA-100').catch((e: Error) => e);
    expect(String(dupSku)).toMatch(/422/);
    expect(await countItems()).toBe(before);
  });

  it('gets with levels, availability and sums; 404 for an unknown item', async () => {
    await stock(t, id, warehouse, 10);
    await stock(t, id, shop, 4);
    const res = await t.http.get(`/admin/inventory-items/${id}`).set(t.auth);
    expect(res.status).toBe(200);
    const item = res.body.inventory_item;
    expect(item).toMatchObject({ id, sku: 'TEA-100', stocked_quantity: 14, reserved_quantity: 0 });
    expect(item).not.toHaveProperty('deleted_at');
    expect(item.location_levels.map((l: any) => [l.location_id, l.stocked_quantity, l.available_quantity])).toEqual([[warehouse, 10, 10], [shop, 4, 4]]);
    const missing = await t.http.get('/admin/inventory-items/iitem_missing').set(t.auth);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ type: 'not_found', message: 'InventoryItem with id iitem_missing was not found' });
  });

  it('updates columns (not metadata, as Medusa\'s validator); refuses bad input and unknown items', async () => {
    const res = await t.http.post(`/admin/inventory-items/${id}`).set(t.auth).send({ title: 'Tea', requires_shipping: false, material: 'leaf', width: 5 });
    expect(res.status).toBe(200);
    expect(res.body.inventory_item).toMatchObject({ title: 'Tea', requires_shipping: false, material: 'leaf', width: 5 });
    expect(res.body.inventory_item).not.toHaveProperty('stocked_quantity');
    expect(await t.em().findOneOrFail(InventoryItem, id)).toMatchObject({ title: 'Tea', requiresShipping: false });
    for (const body of [{ metadata: { a: 1 } }, { width: 'wide' }, { variant_id: v.variantId }]) {
      expect((await t.http.post(`/admin/inventory-items/${id}`).set(t.auth).send(body)).status).toBe(400);
    }
    expect((await t.http.post('/admin/inventory-items/iitem_missing').set(t.auth).send({ title: 'x' })).status).toBe(404);
    expect(await t.em().findOneOrFail(InventoryItem, id)).toMatchObject({ title: 'Tea', width: 5 });
  });

  it('creates, lists, updates and deletes location levels', async () => {
    const third = await makeLocation(t, 'Kiosk');
    const created = await t.http.post(`/admin/inventory-items/${id}/location-levels`).set(t.auth).send({ location_id: third, stocked_quantity: 7, incoming_quantity: 3 });
    expect(created.status).toBe(200);
    expect(created.body.inventory_item).toMatchObject({ id });
    expect(await t.em().findOneOrFail(InventoryLevel, { inventoryItem: id, location: third })).toMatchObject({ stockedQuantity: 7, incomingQuantity: 3, reservedQuantity: 0 });

    const levels = await t.http.get(`/admin/inventory-items/${id}/location-levels`).set(t.auth);
    expect(levels.body.inventory_item.id).toBe(id);
    expect(levels.body.inventory_item.location_levels.map((l: any) => l.location_id)).toEqual([warehouse, shop, third]);
    expect(Object.keys(levels.body.inventory_item.location_levels[0]).sort()).toEqual(['created_at', 'id', 'incoming_quantity', 'inventory_item_id', 'location_id', 'metadata', 'reserved_quantity', 'stocked_quantity', 'updated_at']);
    const some = await t.http.get(`/admin/inventory-items/${id}/location-levels?location_id[]=${third}&location_id[]=${shop}`).set(t.auth);
    expect(some.body.inventory_item.location_levels.map((l: any) => l.location_id)).toEqual([shop, third]);
    expect((await t.http.get('/admin/inventory-items/iitem_missing/location-levels').set(t.auth)).body).toEqual({ inventory_item: { id: 'iitem_missing', location_levels: [] } });

    const updated = await t.http.post(`/admin/inventory-items/${id}/location-levels/${third}`).set(t.auth).send({ stocked_quantity: 9 });
    expect(updated.status).toBe(200);
    expect(await t.em().findOneOrFail(InventoryLevel, { inventoryItem: id, location: third })).toMatchObject({ stockedQuantity: 9, incomingQuantity: 3 });

    const deleted = await t.http.delete(`/admin/inventory-items/${id}/location-levels/${third}`).set(t.auth);
    expect(deleted.status).toBe(200);
    expect(deleted.body.inventory_item.id).toBe(id);
    expect(await t.em().count(InventoryLevel, { inventoryItem: id, location: third })).toBe(0);
    expect((await t.http.delete(`/admin/inventory-items/${id}/location-levels/${third}`).set(t.auth)).status).toBe(200);
    // Stocked again after its level was deleted: a new level.
    expect((await t.http.post(`/admin/inventory-items/${id}/location-levels`).set(t.auth).send({ location_id: third, stocked_quantity: 1 })).status).toBe(200);
  });

  it('refuses bad levels: duplicates (422), unknown locations and items (404), negative or missing quantities (400)', async () => {
    const before = await t.em().count(InventoryLevel, {});
    const dup = await t.http.post(`/admin/inventory-items/${id}/location-levels`).set(t.auth).send({ location_id: warehouse, stocked_quantity: 1 });
    expect(dup.status).toBe(422);
    expect(dup.body).toEqual({ type: 'duplicate_error', code: 'invalid_request_error', message: `Inventory_level with inventory_item_id, location_id ${id}, ${warehouse} already exists.` });
    const noLocation = await t.http.post(`/admin/inventory-items/${id}/location-levels`).set(t.auth).send({ location_id: 'sloc_missing', stocked_quantity: 1 });
    expect(noLocation.body).toEqual({ type: 'not_found', message: 'StockLocation with id sloc_missing was not found' });
    const noItem = await t.http.post('/admin/inventory-items/iitem_missing/location-levels').set(t.auth).send({ location_id: warehouse, stocked_quantity: 1 });
    expect(noItem.body).toEqual({ type: 'not_found', message: 'InventoryItem with id iitem_missing was not found' });
    const kiosk2 = await makeLocation(t, 'Kiosk 2');
    for (const body of [{ location_id: kiosk2 }, { location_id: kiosk2, stocked_quantity: -1 }, { location_id: kiosk2, stocked_quantity: 1, incoming_quantity: -1 }, { location_id: kiosk2, stocked_quantity: 'ten' }, { stocked_quantity: 1 }]) {
      const res = await t.http.post(`/admin/inventory-items/${id}/location-levels`).set(t.auth).send(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
    const negative = await t.http.post(`/admin/inventory-items/${id}/location-levels/${warehouse}`).set(t.auth).send({ stocked_quantity: -1 });
    expect(negative.body).toEqual({ type: 'invalid_data', message: 'stocked_quantity must not be less than 0' });
    const notThere = await t.http.post(`/admin/inventory-items/${id}/location-levels/${kiosk2}`).set(t.auth).send({ stocked_quantity: 1 });
    expect(notThere.status).toBe(404);
    expect(notThere.body.message).toBe(`Item ${id} is not stocked at location ${kiosk2}`);
    expect((await t.http.delete(`/admin/inventory-items/iitem_missing/location-levels/${warehouse}`).set(t.auth)).status).toBe(404);
    expect(await t.em().count(InventoryLevel, {})).toBe(before);
    expect((await t.em().findOneOrFail(InventoryLevel, { inventoryItem: id, location: warehouse })).stockedQuantity).toBe(10);
  });

  it('lists with every filter, search, order, paging and fields, levels and sums of the locations asked, at a fixed query cost', async () => {
    const ids = async (query: string) => {
      const res = await t.http.get(`/admin/inventory-items?${query}`).set(t.auth);
      expect({ query, status: res.status }).toEqual({ query, status: 200 });
      return res.body.inventory_items.map((i: any) => i.sku);
    };
    const all = await t.http.get('/admin/inventory-items?q=TEA').set(t.auth);
    expect(all.body).toMatchObject({ count: 1, offset: 0, limit: 20 });
    const tea = all.body.inventory_items[0];
    expect(tea).toMatchObject({ sku: 'TEA-100', stocked_quantity: 15, reserved_quantity: 0 });
    expect(tea.variants).toEqual([expect.objectContaining({ id: v.variantId, product: expect.objectContaining({ id: v.productId, title: 'Loose tea' }) })]);
    const atShop = (await t.http.get(`/admin/inventory-items?q=TEA&location_id=${shop}`).set(t.auth)).body.inventory_items[0];
    expect(atShop.location_levels.map((l: any) => l.location_id)).toEqual([shop]);
    expect(atShop).toMatchObject({ stocked_quantity: 4 });
    expect(await ids(`location_id[]=${shop}&location_id[]=${warehouse}&order=sku`)).toEqual(['TEA-100']);
    expect(await ids('q=shirt')).toEqual(['SHIRT-S']);
    expect(await ids('q=loose')).toEqual(['TEA-100']);
    expect(await ids('sku=SHIRT-S')).toEqual(['SHIRT-S']);
    expect(await ids('sku[]=SHIRT-S&sku[]=TEA-100&order=sku')).toEqual(['SHIRT-S', 'TEA-100']);
    expect(await ids(`id=${id}`)).toEqual(['TEA-100']);
    expect(await ids('hs_code=0902')).toEqual(['TEA-100']);
    expect(await ids('hs_code[starts_with]=6109')).toEqual(['SHIRT-S']);
    expect(await ids('hs_code[contains]=91')).toEqual(['SHIRT-S']);
    expect(await ids('hs_code[]=0902&hs_code[]=610910&order=sku')).toEqual(['SHIRT-S', 'TEA-100']);
    expect(await ids('origin_country=DK')).toEqual(['SHIRT-S']);
    expect(await ids('mid_code=M1')).toEqual(['SHIRT-S']);
    expect(await ids('material=leaf')).toEqual(['TEA-100']);
    expect(await ids('requires_shipping=false')).toEqual(['TEA-100']);
    expect(await ids('weight[gte]=150')).toEqual(['SHIRT-S']);
    expect(await ids('weight=100')).toEqual(['TEA-100']);
    expect(await ids('width[lt]=4')).toEqual(['SHIRT-S']);
    expect(await ids('length=1&height=2')).toEqual(['SHIRT-S']);
    const page = await t.http.get('/admin/inventory-items?order=-sku&limit=1&offset=1&sku[]=SHIRT-S&sku[]=TEA-100').set(t.auth);
    expect(page.body).toMatchObject({ count: 2, offset: 1, limit: 1 });
    expect(page.body.inventory_items.map((i: any) => i.sku)).toEqual(['SHIRT-S']);
    const fields = await t.http.get('/admin/inventory-items?fields=sku&q=TEA').set(t.auth);
    expect(Object.keys(fields.body.inventory_items[0]).sort()).toEqual(['created_at', 'id', 'location_levels', 'reserved_quantity', 'sku', 'stocked_quantity', 'variants']);
    for (const bad of ['foo=1', 'order=secret', 'weight[gt]=heavy', 'hs_code[like]=x', 'requires_shipping=maybe']) {
      expect({ bad, status: (await t.http.get(`/admin/inventory-items?${bad}`).set(t.auth)).status }).toEqual({ bad, status: 400 });
    }

    for (let i = 0; i < 5; i++) {
      const { itemId } = await makeVariantItem(t, `BULK-${i}`);
      await stock(t, itemId, warehouse, i);
    }
    // The location filter counts each item once, whatever the page.
    const atWarehouse = await t.http.get(`/admin/inventory-items?location_id=${warehouse}&limit=2`).set(t.auth);
    expect(atWarehouse.body).toMatchObject({ count: 6, limit: 2 });
    expect(atWarehouse.body.inventory_items).toHaveLength(2);
    const small = await t.countQueries(() => t.http.get('/admin/inventory-items?limit=2').set(t.auth));
    const large = await t.countQueries(() => t.http.get('/admin/inventory-items?limit=8').set(t.auth));
    expect(large).toBe(small);
    const gql = '{ inventoryItems(limit: LIMIT) { items { sku stockedQuantity locationLevels { availableQuantity location { name } } variants { title product { title } } } } }';
    expect(await t.countQueries(() => t.gql(gql.replace('LIMIT', '8')))).toBe(await t.countQueries(() => t.gql(gql.replace('LIMIT', '2'))));
  });

  it('deletes the item with its levels and its variants\' links; again and unknown answer 200', async () => {
    const res = await t.http.delete(`/admin/inventory-items/${id}`).set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id, object: 'inventory_item', deleted: true });
    expect(await t.em().count(InventoryItem, { id })).toBe(0);
    expect(await t.em().count(InventoryLevel, { inventoryItem: id })).toBe(0);
    expect(await linksOf(v.variantId)).toEqual([]);
    expect((await t.http.get(`/admin/inventory-items/${id}`).set(t.auth)).status).toBe(404);
    expect((await t.http.delete(`/admin/inventory-items/${id}`).set(t.auth)).body).toEqual({ id, object: 'inventory_item', deleted: true });
    expect((await t.http.delete('/admin/inventory-items/iitem_missing').set(t.auth)).status).toBe(200);
    // The variant may get an item again.
    expect((await t.http.post('/admin/inventory-items').set(t.auth).send({ variant_id: v.variantId, sku: 'TEA-100' })).status).toBe(200);
  });

  it('answers 401 text/plain without credentials, writing nothing', async () => {
    const before = await countItems();
    for (const [method, path] of [
      ['get', '/admin/inventory-items'], ['post', '/admin/inventory-items'], ['get', '/admin/inventory-items/iitem_x'],
      ['post', '/admin/inventory-items/iitem_x'], ['delete', '/admin/inventory-items/iitem_x'],
      ['get', '/admin/inventory-items/iitem_x/location-levels'], ['post', '/admin/inventory-items/iitem_x/location-levels'],
      ['post', `/admin/inventory-items/iitem_x/location-levels/${warehouse}`], ['delete', `/admin/inventory-items/iitem_x/location-levels/${warehouse}`],
      ['get', `/admin/variants/${v.variantId}/inventory`],
    ] as const) {
      const res = await (t.http as any)[method](path).send({ variant_id: v.variantId, location_id: warehouse, stocked_quantity: 1 });
      expect({ path, status: res.status, text: res.text }).toEqual({ path, status: 401, text: 'Unauthorized' });
    }
    expect(await countItems()).toBe(before);
  });
});

describe('GET /admin/variants/{id}/inventory', () => {
  let v: { variantId: string; itemId: string };
  let web: string;
  let app: string;

  beforeAll(async () => {
    v = await makeVariantItem(t, 'LAMP');
    await stock(t, v.itemId, warehouse, 10);
    await stock(t, v.itemId, shop, 3);
    web = (await t.http.post('/admin/sales-channels').set(t.auth).send({ name: 'Web' })).body.sales_channel.id;
    app = (await t.http.post('/admin/sales-channels').set(t.auth).send({ name: 'App' })).body.sales_channel.id;
    await t.http.post(`/admin/sales-channels/${web}/stock-locations`).set(t.auth).send({ location_id: warehouse });
    await t.http.post(`/admin/sales-channels/${web}/stock-locations`).set(t.auth).send({ location_id: shop });
    await t.http.post(`/admin/sales-channels/${app}/stock-locations`).set(t.auth).send({ location_id: shop });
    await t.http.post('/admin/reservations').set(t.auth).send({ inventory_item_id: v.itemId, location_id: shop, quantity: 1 });
  });

  it('answers the variant\'s items with their levels, and what each sales channel can supply', async () => {
    const res = await t.http.get(`/admin/variants/${v.variantId}/inventory`).set(t.auth);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.variant).sort()).toEqual(['id', 'inventory', 'sales_channel_availability']);
    expect(res.body.variant.inventory).toEqual([expect.objectContaining({ id: v.itemId, sku: 'LAMP', stocked_quantity: 13, reserved_quantity: 1, deleted_at: null })]);
    expect(res.body.variant.inventory[0].location_levels).toHaveLength(2);
    const availability = Object.fromEntries(res.body.variant.sales_channel_availability.map((a: any) => [a.channel_name, a.available_quantity]));
    expect(availability).toEqual({ 'Default Sales Channel': 0, Web: 12, App: 2 });
    expect(res.body.variant.sales_channel_availability.find((a: any) => a.channel_name === 'Web')).toEqual({ channel_id: web, channel_name: 'Web', available_quantity: 12 });
  });

  it('a variant without items has none and no availability; an unknown variant is a 404', async () => {
    const res = await t.http.post('/admin/products').set(t.auth).send({ title: 'Service', options: [{ title: 'Kind' }], variants: [{ title: 'Fitting', manage_inventory: false, options: [{ value: 'x' }], prices: [{ currency_code: 'usd', amount: 1 }] }] });
    const vid = res.body.product.variants[0].id;
    expect((await t.http.get(`/admin/variants/${vid}/inventory`).set(t.auth)).body).toEqual({ variant: { id: vid, inventory: [], sales_channel_availability: [] } });
    const missing = await t.http.get('/admin/variants/variant_missing/inventory').set(t.auth);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ type: 'not_found', message: 'Variant with id: variant_missing was not found' });
  });

  it('GraphQL: Variant.inventory and salesChannelAvailability, batched for a page of variants', async () => {
    const q = '{ variants(limit: LIMIT) { items { id inventory { sku stockedQuantity locationLevels { locationId } } salesChannelAvailability { channelName availableQuantity } } } }';
    const res = await t.gql(q.replace('LIMIT', '50'));
    expect(res.errors).toBeUndefined();
    const lamp = res.data.variants.items.find((i: any) => i.id === v.variantId);
    expect(lamp.inventory).toEqual([{ sku: 'LAMP', stockedQuantity: 13, locationLevels: [{ locationId: warehouse }, { locationId: shop }] }]);
    expect(lamp.salesChannelAvailability).toContainEqual({ channelName: 'Web', availableQuantity: 12 });
    expect(await t.countQueries(() => t.gql(q.replace('LIMIT', '20')))).toBe(await t.countQueries(() => t.gql(q.replace('LIMIT', '3'))));
  });
});

describe('GraphQL inventory items', () => {
  it('creates, reads, updates, lists and deletes items and levels', async () => {
    const res = await t.http.post('/admin/products').set(t.auth).send({ title: 'Soap', options: [{ title: 'Scent' }], variants: [{ title: 'Mint', manage_inventory: false, options: [{ value: 'Mint' }], prices: [{ currency_code: 'usd', amount: 1 }] }] });
    const variantId = res.body.product.variants[0].id;
    const created = await t.gql('mutation($input: CreateInventoryItemInput!) { createInventoryItem(input: $input) { id sku title variants { id } } }', { input: { variantId, sku: 'SOAP-MINT', title: 'Mint soap' } });
    expect(created.errors).toBeUndefined();
    const id = created.data.createInventoryItem.id;
    expect(created.data.createInventoryItem).toMatchObject({ sku: 'SOAP-MINT', title: 'Mint soap', variants: [{ id: variantId }] });

    const level = await t.gql('mutation($id: String!, $loc: String!) { createInventoryLevel(id: $id, input: { locationId: $loc, stockedQuantity: 6 }) { stockedQuantity locationLevels { stockedQuantity availableQuantity location { name } inventoryItem { sku } } } }', { id, loc: warehouse });
    expect(level.data.createInventoryLevel).toEqual({ stockedQuantity: 6, locationLevels: [{ stockedQuantity: 6, availableQuantity: 6, location: { name: 'Warehouse' }, inventoryItem: { sku: 'SOAP-MINT' } }] });
    const upd = await t.gql('mutation($id: String!, $loc: String!) { updateInventoryLevel(id: $id, locationId: $loc, input: { incomingQuantity: 4 }) { locationLevels { incomingQuantity } } }', { id, loc: warehouse });
    expect(upd.data.updateInventoryLevel.locationLevels).toEqual([{ incomingQuantity: 4 }]);
    const item = await t.gql('mutation($id: String!) { updateInventoryItem(id: $id, input: { requiresShipping: false }) { requiresShipping } }', { id });
    expect(item.data.updateInventoryItem.requiresShipping).toBe(false);
    const got = await t.gql('query($id: String!) { inventoryItem(id: $id) { sku reservedQuantity } inventoryLevels(id: $id) { id locationLevels { locationId } } }', { id });
    expect(got.data).toEqual({ inventoryItem: { sku: 'SOAP-MINT', reservedQuantity: 0 }, inventoryLevels: { id, locationLevels: [{ locationId: warehouse }] } });
    const list = await t.gql('{ inventoryItems(filter: { sku: ["SOAP-MINT"], hsCode: null }) { items { id } count } }');
    expect(list.data.inventoryItems).toEqual({ items: [{ id }], count: 1 });
    const delLevel = await t.gql('mutation($id: String!, $loc: String!) { deleteInventoryLevel(id: $id, locationId: $loc) { locationLevels { id } } }', { id, loc: warehouse });
    expect(delLevel.data.deleteInventoryLevel.locationLevels).toEqual([]);
    const del = await t.gql('mutation($id: String!) { deleteInventoryItem(id: $id) { id object deleted } }', { id });
    expect(del.data.deleteInventoryItem).toEqual({ id, object: 'inventory_item', deleted: true });
    expect(await t.em().count(InventoryItem, { id })).toBe(0);
    expect(await t.em().count(ProductVariant, { id: variantId })).toBe(1);
  });

  it('reports bad input, unknown ids and missing credentials in Medusa types, writing nothing', async () => {
    const before = await countItems();
    expect(errorType(await t.gql('mutation { createInventoryItem(input: { sku: "X" }) { id } }'))).toBe('not_allowed');
    expect(errorType(await t.gql('mutation { createInventoryItem(input: { variantId: "variant_missing" }) { id } }'))).toBe('not_found');
    expect(errorType(await t.gql('{ inventoryItem(id: "iitem_missing") { id } }'))).toBe('not_found');
    expect(errorType(await t.gql('mutation { updateInventoryItem(id: "iitem_missing", input: { title: "x" }) { id } }'))).toBe('not_found');
    expect(errorType(await t.gql(`mutation { createInventoryLevel(id: "iitem_missing", input: { locationId: "${warehouse}", stockedQuantity: -1 }) { id } }`))).toBe('invalid_data');
    expect((await t.gql('mutation { deleteInventoryItem(id: "iitem_missing") { deleted } }')).data.deleteInventoryItem.deleted).toBe(true);
    expect(errorType(await t.gql('{ inventoryItems { count } }', {}, {}))).toBe('unauthorized');
    expect(errorType(await t.gql('mutation { createInventoryItem(input: { sku: "X" }) { id } }', {}, {}))).toBe('unauthorized');
    expect(await countItems()).toBe(before);
  });
});
