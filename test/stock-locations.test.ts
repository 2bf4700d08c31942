import { startApp, TestApp, errorType } from './helpers';
import { makeLocation, makeVariantItem, stock } from './inventory.fixtures';
import { SalesChannelLocation, StockLocation, StockLocationAddress } from '../src/entities/stock-locations';
import { InventoryLevel } from '../src/entities/inventory-items';
import { Reservation } from '../src/entities/reservations';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

const countLocations = () => t.em().count(StockLocation, {});
const linksOf = async (channelId: string) => (await t.em().find(SalesChannelLocation, { salesChannel: channelId })).map((l) => l.locationId).sort();

describe('REST /admin/stock-locations', () => {
  let id: string;
  let addressId: string;

  it('creates a location with an address and metadata', async () => {
    const res = await t.http.post('/admin/stock-locations').set(t.auth).send({
      name: '  Main warehouse ', address: { address_1: '1 Harbour St', city: 'Copenhagen', country_code: 'DK', postal_code: '1000' }, metadata: { dock: 3 },
    });
    expect(res.status).toBe(200);
    const loc = res.body.stock_location;
    expect(loc).toMatchObject({ name: 'Main warehouse', metadata: { dock: 3 } });
    expect(Object.keys(loc).sort()).toEqual(['address_id', 'created_at', 'id', 'metadata', 'name', 'updated_at']);
    expect(loc.id).toMatch(/^sloc_[0-9A-Z]{26}$/);
    expect(loc.address_id).toMatch(/^laddr_[0-9A-Z]{26}$/);
    id = loc.id;
    addressId = loc.address_id;
    expect(await t.em().findOneOrFail(StockLocationAddress, addressId)).toMatchObject({ address1: '1 Harbour St', city: 'Copenhagen', countryCode: 'DK', postalCode: '1000' });
    expect(t.events.some((e) => e.name === 'stock-location.created' && e.data.id === id)).toBe(true);
  });

  it('creates a bare location, and one at an existing address', async () => {
    const bare = await t.http.post('/admin/stock-locations').set(t.auth).send({ name: 'Shop' });
    expect(bare.body.stock_location).toMatchObject({ name: 'Shop', address_id: null, metadata: null });
    const annex = await t.http.post('/admin/stock-locations').set(t.auth).send({ name: 'Annex', address_id: addressId });
    expect(annex.body.stock_location.address_id).toBe(addressId);
  });

  it('refuses bad input (400) and an unknown address (404), writing nothing', async () => {
    const before = await countLocations();
    for (const body of [{}, { name: '' }, { name: '   ' }, { name: 5 }, { name: 'X', foo: 1 }, { name: 'X', address: { city: 'Oslo' } }, { name: 'X', address: { address_1: 'a', country_code: 'NO', zip: 1 } }, { name: 'X', metadata: 'm' }]) {
      const res = await t.http.post('/admin/stock-locations').set(t.auth).send(body);
      expect({ body, status: res.status, type: res.body.type }).toEqual({ body, status: 400, type: 'invalid_data' });
    }
    expect((await t.http.post('/admin/stock-locations').set(t.auth).send({ name: '  ' })).body.message).toBe('name should not be empty');
    const unknown = await t.http.post('/admin/stock-locations').set(t.auth).send({ name: 'X', address_id: 'laddr_missing' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ type: 'not_found', message: 'StockLocation address with id laddr_missing was not found' });
    expect(await countLocations()).toBe(before);
  });

  it('gets (expand=address), and 404s', async () => {
    const res = await t.http.get(`/admin/stock-locations/${id}?expand=address`).set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body.stock_location.address).toMatchObject({ id: addressId, address_1: '1 Harbour St', country_code: 'DK', deleted_at: null });
    const missing = await t.http.get('/admin/stock-locations/sloc_missing').set(t.auth);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ type: 'not_found', message: 'StockLocation with id sloc_missing was not found' });
  });

  it('updates the name, the address in place and metadata (merged)', async () => {
    const res = await t.http.post(`/admin/stock-locations/${id}`).set(t.auth).send({ name: 'Central warehouse', address: { address_1: '2 Harbour St', country_code: 'DK', phone: '+45 1' }, metadata: { dock: '', gate: 'B' } });
    expect(res.status).toBe(200);
    expect(res.body.stock_location).toMatchObject({ name: 'Central warehouse', address_id: addressId, metadata: { gate: 'B' } });
    expect(await t.em().findOneOrFail(StockLocationAddress, addressId)).toMatchObject({ address1: '2 Harbour St', city: 'Copenhagen', phone: '+45 1' });
    const shop = (await t.http.get('/admin/stock-locations?name=Shop').set(t.auth)).body.stock_locations[0];
    const given = await t.http.post(`/admin/stock-locations/${shop.id}`).set(t.auth).send({ address: { address_1: '5 Main St', country_code: 'SE' } });
    expect(given.body.stock_location.address_id).toMatch(/^laddr_/);
    for (const body of [{ name: '' }, { bar: 1 }, { address: { city: 'x' } }]) {
      expect((await t.http.post(`/admin/stock-locations/${id}`).set(t.auth).send(body)).status).toBe(400);
    }
    expect((await t.http.post('/admin/stock-locations/sloc_missing').set(t.auth).send({ name: 'x' })).status).toBe(404);
    expect((await t.http.post(`/admin/stock-locations/${id}`).set(t.auth).send({ address_id: 'laddr_missing' })).status).toBe(404);
    expect((await t.em().findOneOrFail(StockLocation, id)).name).toBe('Central warehouse');
  });

  it('lists with every filter, search, order, paging, fields and expand, at a fixed query cost', async () => {
    const names = async (query: string) => {
      const res = await t.http.get(`/admin/stock-locations?${query}`).set(t.auth);
      expect({ query, status: res.status }).toEqual({ query, status: 200 });
      return res.body.stock_locations.map((l: any) => l.name);
    };
    const all = await t.http.get('/admin/stock-locations').set(t.auth);
    expect(all.body).toMatchObject({ count: 3, offset: 0, limit: 20 });
    expect(all.body.stock_locations.map((l: any) => l.name)).toEqual(['Annex', 'Shop', 'Central warehouse']);
    expect(await names('q=WARE')).toEqual(['Central warehouse']);
    expect(await names('name=Shop')).toEqual(['Shop']);
    expect(await names('name[]=Shop&name[]=Annex&order=name')).toEqual(['Annex', 'Shop']);
    expect(await names(`id=${id}`)).toEqual(['Central warehouse']);
    expect(await names(`address_id=${addressId}&order=-name`)).toEqual(['Central warehouse', 'Annex']);
    const page = await t.http.get('/admin/stock-locations?order=name&limit=1&offset=1').set(t.auth);
    expect(page.body).toMatchObject({ count: 3, offset: 1, limit: 1 });
    expect(page.body.stock_locations.map((l: any) => l.name)).toEqual(['Central warehouse']);
    const fields = await t.http.get('/admin/stock-locations?fields=name').set(t.auth);
    expect(Object.keys(fields.body.stock_locations[0]).sort()).toEqual(['created_at', 'id', 'name']);
    const expanded = await t.http.get('/admin/stock-locations?expand=address,sales_channels&order=name').set(t.auth);
    expect(expanded.body.stock_locations[0]).toMatchObject({ name: 'Annex', address: { id: addressId }, sales_channels: [] });
    for (const bad of ['foo=1', 'order=secret', 'expand=nothing']) {
      expect({ bad, status: (await t.http.get(`/admin/stock-locations?${bad}`).set(t.auth)).status }).toEqual({ bad, status: 400 });
    }
    for (let i = 0; i < 4; i++) await makeLocation(t, `Bulk ${i}`, { address: { address_1: `${i} Road`, country_code: 'DE' } });
    const small = await t.countQueries(() => t.http.get('/admin/stock-locations?limit=2&expand=address,sales_channels').set(t.auth));
    const large = await t.countQueries(() => t.http.get('/admin/stock-locations?limit=7&expand=address,sales_channels').set(t.auth));
    expect(large).toBe(small);
  });

  it('answers 401 text/plain without credentials, writing nothing', async () => {
    const before = await countLocations();
    for (const [method, path] of [
      ['get', '/admin/stock-locations'], ['post', '/admin/stock-locations'], ['get', `/admin/stock-locations/${id}`],
      ['post', `/admin/stock-locations/${id}`], ['delete', `/admin/stock-locations/${id}`],
    ] as const) {
      const res = await (t.http as any)[method](path).send({ name: 'x' });
      expect({ path, status: res.status, text: res.text }).toEqual({ path, status: 401, text: 'Unauthorized' });
    }
    expect(await countLocations()).toBe(before);
  });
});

describe('sales channels and their stock locations', () => {
  let web: string;
  let appChannel: string;
  let north: string;
  let south: string;

  beforeAll(async () => {
    web = (await t.http.post('/admin/sales-channels').set(t.auth).send({ name: 'Web' })).body.sales_channel.id;
    appChannel = (await t.http.post('/admin/sales-channels').set(t.auth).send({ name: 'App' })).body.sales_channel.id;
    north = await makeLocation(t, 'North');
    south = await makeLocation(t, 'South');
  });

  it('links locations to a channel (twice is once) and answers the channel', async () => {
    const res = await t.http.post(`/admin/sales-channels/${web}/stock-locations`).set(t.auth).send({ location_id: north });
    expect(res.status).toBe(200);
    expect(res.body.sales_channel).toMatchObject({ id: web, name: 'Web' });
    expect((await t.http.post(`/admin/sales-channels/${web}/stock-locations`).set(t.auth).send({ location_id: north })).status).toBe(200);
    await t.http.post(`/admin/sales-channels/${web}/stock-locations`).set(t.auth).send({ location_id: south });
    await t.http.post(`/admin/sales-channels/${appChannel}/stock-locations`).set(t.auth).send({ location_id: north });
    expect(await linksOf(web)).toEqual([north, south].sort());
    expect(await linksOf(appChannel)).toEqual([north]);
  });

  it('refuses unknown locations and channels (404), and bad bodies (400), linking nothing', async () => {
    const noLocation = await t.http.post(`/admin/sales-channels/${appChannel}/stock-locations`).set(t.auth).send({ location_id: 'sloc_missing' });
    expect(noLocation.body).toEqual({ type: 'not_found', message: 'StockLocation with id sloc_missing was not found' });
    const noChannel = await t.http.post('/admin/sales-channels/sc_missing/stock-locations').set(t.auth).send({ location_id: south });
    expect(noChannel.status).toBe(404);
    expect(noChannel.body).toEqual({ type: 'not_found', message: 'Sales channel with id: sc_missing was not found' });
    for (const body of [{}, { location_id: 5 }, { location_id: south, foo: 1 }, { location_id: '' }]) {
      expect((await t.http.post(`/admin/sales-channels/${appChannel}/stock-locations`).set(t.auth).send(body)).status).toBe(400);
    }
    expect(await linksOf(appChannel)).toEqual([north]);
    expect(await t.em().count(SalesChannelLocation, { salesChannel: 'sc_missing' })).toBe(0);
  });

  it('a location answers its channels; a channel its locations (expand=locations)', async () => {
    const loc = await t.http.get(`/admin/stock-locations/${north}?expand=sales_channels`).set(t.auth);
    expect(loc.body.stock_location.sales_channels.map((c: any) => c.name)).toEqual(['Web', 'App']);
    const channels = await t.http.get(`/admin/sales-channels?id=${web}&expand=locations`).set(t.auth);
    expect(channels.body.sales_channels[0].locations.map((l: any) => l.location_id).sort()).toEqual([north, south].sort());
    expect(channels.body.sales_channels[0].locations[0]).toMatchObject({ sales_channel_id: web, deleted_at: null, id: expect.stringMatching(/^scloc_/) });
    const byChannel = await t.http.get(`/admin/stock-locations?sales_channel_id=${appChannel}`).set(t.auth);
    expect(byChannel.body.stock_locations.map((l: any) => l.id)).toEqual([north]);
    const byChannels = await t.http.get(`/admin/stock-locations?sales_channel_id[]=${appChannel}&sales_channel_id[]=${web}&order=name`).set(t.auth);
    expect(byChannels.body.stock_locations.map((l: any) => l.name)).toEqual(['North', 'South']);
    const unknown = await t.http.get('/admin/stock-locations?sales_channel_id=sc_missing').set(t.auth);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('Sales channel with id: sc_missing was not found');
  });

  it('unlinks (again and for an unknown channel: 200 all the same)', async () => {
    const res = await t.http.delete(`/admin/sales-channels/${web}/stock-locations`).set(t.auth).send({ location_id: south });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: web, object: 'stock-location', deleted: true });
    expect(await linksOf(web)).toEqual([north]);
    expect((await t.http.delete(`/admin/sales-channels/${web}/stock-locations`).set(t.auth).send({ location_id: south })).status).toBe(200);
    expect((await t.http.delete('/admin/sales-channels/sc_missing/stock-locations').set(t.auth).send({ location_id: south })).status).toBe(200);
    expect((await t.http.delete(`/admin/sales-channels/${web}/stock-locations`).set(t.auth).send({})).status).toBe(400);
    expect(await linksOf(web)).toEqual([north]);
  });

  it('deleting a sales channel removes its links', async () => {
    const temp = (await t.http.post('/admin/sales-channels').set(t.auth).send({ name: 'Temp' })).body.sales_channel.id;
    await t.http.post(`/admin/sales-channels/${temp}/stock-locations`).set(t.auth).send({ location_id: south });
    expect((await t.http.delete(`/admin/sales-channels/${temp}`).set(t.auth)).status).toBe(200);
    expect(await linksOf(temp)).toEqual([]);
  });

  it('answers 401 without credentials, linking nothing', async () => {
    for (const method of ['post', 'delete'] as const) {
      const res = await t.http[method](`/admin/sales-channels/${appChannel}/stock-locations`).send({ location_id: south });
      expect(res.status).toBe(401);
      expect(res.text).toBe('Unauthorized');
    }
    expect(await linksOf(appChannel)).toEqual([north]);
  });

  it('GraphQL: links, unlinks, and answers both sides', async () => {
    const add = await t.gql('mutation($id: String!, $loc: String!) { addStockLocationToSalesChannel(id: $id, locationId: $loc) { id locations { locationId location { name } salesChannel { name } } } }', { id: appChannel, loc: south });
    expect(add.errors).toBeUndefined();
    expect(add.data.addStockLocationToSalesChannel.locations.map((l: any) => l.location.name).sort()).toEqual(['North', 'South']);
    expect(add.data.addStockLocationToSalesChannel.locations[0].salesChannel).toEqual({ name: 'App' });
    const loc = await t.gql('query($id: String!) { stockLocation(id: $id) { salesChannels { name } } }', { id: south });
    expect(loc.data.stockLocation.salesChannels).toEqual([{ name: 'App' }]);
    const remove = await t.gql('mutation($id: String!, $loc: String!) { removeStockLocationFromSalesChannel(id: $id, locationId: $loc) { id object deleted } }', { id: appChannel, loc: south });
    expect(remove.data.removeStockLocationFromSalesChannel).toEqual({ id: appChannel, object: 'stock-location', deleted: true });
    expect(await linksOf(appChannel)).toEqual([north]);
    expect(errorType(await t.gql('mutation($loc: String!) { addStockLocationToSalesChannel(id: "sc_missing", locationId: $loc) { id } }', { loc: south }))).toBe('not_found');
    expect(errorType(await t.gql('mutation($loc: String!) { addStockLocationToSalesChannel(id: "sc_x", locationId: $loc) { id } }', { loc: south }, {}))).toBe('unauthorized');
    const channels = '{ salesChannels(limit: LIMIT) { items { name locations { location { name } } } } }';
    expect(await t.countQueries(() => t.gql(channels.replace('LIMIT', '10')))).toBe(await t.countQueries(() => t.gql(channels.replace('LIMIT', '1'))));
  });
});

describe('deleting a stock location', () => {
  it('removes its levels, the reservations held there and its sales-channel links; again and unknown answer 200', async () => {
    const doomed = await makeLocation(t, 'Doomed');
    const kept = await makeLocation(t, 'Kept');
    const { itemId } = await makeVariantItem(t, 'DOOM-1');
    await stock(t, itemId, doomed, 5);
    await stock(t, itemId, kept, 5);
    const channel = (await t.http.post('/admin/sales-channels').set(t.auth).send({ name: 'Doomed channel' })).body.sales_channel.id;
    await t.http.post(`/admin/sales-channels/${channel}/stock-locations`).set(t.auth).send({ location_id: doomed });
    const there = (await t.http.post('/admin/reservations').set(t.auth).send({ inventory_item_id: itemId, location_id: doomed, quantity: 2 })).body.reservation.id;
    const elsewhere = (await t.http.post('/admin/reservations').set(t.auth).send({ inventory_item_id: itemId, location_id: kept, quantity: 1 })).body.reservation.id;

    const res = await t.http.delete(`/admin/stock-locations/${doomed}`).set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: doomed, object: 'stock_location', deleted: true });
    expect(await t.em().count(StockLocation, { id: doomed })).toBe(0);
    expect(await t.em().count(InventoryLevel, { location: doomed })).toBe(0);
    expect(await t.em().count(Reservation, { id: there })).toBe(0);
    expect(await t.em().count(Reservation, { id: elsewhere })).toBe(1);
    expect(await linksOf(channel)).toEqual([]);
    const item = (await t.http.get(`/admin/inventory-items/${itemId}`).set(t.auth)).body.inventory_item;
    expect(item).toMatchObject({ stocked_quantity: 5, reserved_quantity: 1 });
    expect((await t.http.get(`/admin/stock-locations/${doomed}`).set(t.auth)).status).toBe(404);
    expect((await t.http.delete(`/admin/stock-locations/${doomed}`).set(t.auth)).body).toEqual({ id: doomed, object: 'stock_location', deleted: true });
    expect((await t.http.delete('/admin/stock-locations/sloc_missing').set(t.auth)).status).toBe(200);
  });
});

describe('GraphQL stock locations', () => {
  it('creates, reads, updates, lists and deletes', async () => {
    const created = await t.gql('mutation($input: CreateStockLocationInput!) { createStockLocation(input: $input) { id name addressId address { address1 countryCode } metadata } }', {
      input: { name: 'Depot', address: { address1: 'Dock 1', countryCode: 'NL' }, metadata: { k: 1 } },
    });
    expect(created.errors).toBeUndefined();
    const { id } = created.data.createStockLocation;
    expect(created.data.createStockLocation).toMatchObject({ name: 'Depot', address: { address1: 'Dock 1', countryCode: 'NL' }, metadata: { k: 1 } });
    const updated = await t.gql('mutation($id: String!) { updateStockLocation(id: $id, input: { name: "Depot 2", address: { address1: "Dock 2", countryCode: "NL" } }) { name address { address1 } } }', { id });
    expect(updated.data.updateStockLocation).toEqual({ name: 'Depot 2', address: { address1: 'Dock 2' } });
    const list = await t.gql('{ stockLocations(q: "depot") { items { id } count } }');
    expect(list.data.stockLocations).toEqual({ items: [{ id }], count: 1 });
    const deleted = await t.gql('mutation($id: String!) { deleteStockLocation(id: $id) { id object deleted } }', { id });
    expect(deleted.data.deleteStockLocation).toEqual({ id, object: 'stock_location', deleted: true });
    expect(await t.em().count(StockLocation, { id })).toBe(0);
  });

  it('reports bad input, unknown ids and missing credentials in Medusa types, writing nothing', async () => {
    const before = await countLocations();
    expect(errorType(await t.gql('mutation { createStockLocation(input: { name: " " }) { id } }'))).toBe('invalid_data');
    expect(errorType(await t.gql('mutation { createStockLocation(input: { name: "X", addressId: "laddr_missing" }) { id } }'))).toBe('not_found');
    expect(errorType(await t.gql('{ stockLocation(id: "sloc_missing") { id } }'))).toBe('not_found');
    expect(errorType(await t.gql('mutation { updateStockLocation(id: "sloc_missing", input: { name: "x" }) { id } }'))).toBe('not_found');
    expect(errorType(await t.gql('{ stockLocations { count } }', {}, {}))).toBe('unauthorized');
    expect(errorType(await t.gql('mutation { createStockLocation(input: { name: "X" }) { id } }', {}, {}))).toBe('unauthorized');
    expect(await countLocations()).toBe(before);
  });
});
