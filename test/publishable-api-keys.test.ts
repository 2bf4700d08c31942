import { startApp, TestApp, errorType } from './helpers';
import { PublishableApiKey } from '../src/entities/publishable-api-keys';
import { SalesChannel } from '../src/entities/sales-channels';

let t: TestApp;
let webId: string;
let appId: string;
beforeAll(async () => {
  t = await startApp();
  const em = t.em();
  const web = em.create(SalesChannel, { name: 'Webshop', description: 'The web store' });
  const app = em.create(SalesChannel, { name: 'App', description: 'Mobile' });
  await em.flush();
  webId = web.id;
  appId = app.id;
});
afterAll(() => t.close());

const BASE = '/admin/publishable-api-keys';
const keyCount = () => t.em().count(PublishableApiKey, {});
const linkedChannels = async (id: string) => {
  const key = await t.em().findOneOrFail(PublishableApiKey, id, { populate: ['salesChannels'] });
  return key.salesChannels.getItems().map((c) => c.id).sort();
};

describe('REST /admin/publishable-api-keys', () => {
  let keyId: string;

  it('creates a key made by the acting user', async () => {
    const res = await t.http.post(BASE).set(t.auth).send({ title: 'Storefront' });
    expect(res.status).toBe(200);
    expect(res.body.publishable_api_key).toMatchObject({ title: 'Storefront', created_by: t.admin.id, revoked_by: null, revoked_at: null });
    expect(Object.keys(res.body.publishable_api_key).sort()).toEqual(['created_at', 'created_by', 'id', 'revoked_at', 'revoked_by', 'title', 'updated_at']);
    keyId = res.body.publishable_api_key.id;
    expect(keyId).toMatch(/^pk_[0-9A-Z]{26}$/);
    expect((await t.em().findOneOrFail(PublishableApiKey, keyId)).createdBy).toBe(t.admin.id);
    expect(t.events.some((e) => e.name === 'publishable_api_key.created' && e.data.id === keyId)).toBe(true);
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const before = await keyCount();
    for (const body of [{}, { title: '' }, { title: 5 }, { title: 'x', extra: 1 }]) {
      const res = await t.http.post(BASE).set(t.auth).send(body);
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('invalid_data');
    }
    expect(await keyCount()).toBe(before);
  });

  it('gets and updates the title; 404 for unknown ids', async () => {
    const got = await t.http.get(`${BASE}/${keyId}`).set(t.auth);
    expect(got.body.publishable_api_key.id).toBe(keyId);
    const upd = await t.http.post(`${BASE}/${keyId}`).set(t.auth).send({ title: 'Main storefront' });
    expect(upd.status).toBe(200);
    expect(upd.body.publishable_api_key.title).toBe('Main storefront');
    expect((await t.em().findOneOrFail(PublishableApiKey, keyId)).title).toBe('Main storefront');
    expect((await t.http.post(`${BASE}/${keyId}`).set(t.auth).send({ title: '' })).status).toBe(400);
    const missing = await t.http.get(`${BASE}/pk_missing`).set(t.auth);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ type: 'not_found', message: 'Publishable key with id: pk_missing was not found' });
    expect((await t.http.post(`${BASE}/pk_missing`).set(t.auth).send({ title: 'x' })).status).toBe(404);
  });

  it('adds and removes sales channels in batch; unknown channels are refused', async () => {
    const add = await t.http.post(`${BASE}/${keyId}/sales-channels/batch`).set(t.auth).send({ sales_channel_ids: [{ id: webId }, { id: appId }] });
    expect(add.status).toBe(200);
    expect(add.body.publishable_api_key.id).toBe(keyId);
    expect(await linkedChannels(keyId)).toEqual([webId, appId].sort());

    const again = await t.http.post(`${BASE}/${keyId}/sales-channels/batch`).set(t.auth).send({ sales_channel_ids: [{ id: webId }] });
    expect(again.status).toBe(200);

    const list = await t.http.get(`${BASE}/${keyId}/sales-channels`).set(t.auth);
    expect(list.status).toBe(200);
    expect(Object.keys(list.body)).toEqual(['sales_channels']);
    expect(list.body.sales_channels.map((c: any) => c.id)).toEqual([webId, appId]);
    expect(list.body.sales_channels[0]).toMatchObject({ name: 'Webshop', is_disabled: false, deleted_at: null });
    const q = await t.http.get(`${BASE}/${keyId}/sales-channels?q=mob`).set(t.auth);
    expect(q.body.sales_channels.map((c: any) => c.id)).toEqual([appId]);

    const unknown = await t.http.post(`${BASE}/${keyId}/sales-channels/batch`).set(t.auth).send({ sales_channel_ids: [{ id: 'sc_missing' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ type: 'invalid_data', message: 'Sales channels with ids sc_missing do not exist' });
    for (const body of [{}, { sales_channel_ids: ['sc_x'] }, { sales_channel_ids: [{ id: '' }] }]) {
      expect((await t.http.post(`${BASE}/${keyId}/sales-channels/batch`).set(t.auth).send(body)).status).toBe(400);
    }
    // An empty batch changes nothing, as in Medusa.
    expect((await t.http.post(`${BASE}/${keyId}/sales-channels/batch`).set(t.auth).send({ sales_channel_ids: [] })).status).toBe(200);
    expect(await linkedChannels(keyId)).toEqual([webId, appId].sort());

    const removed = await t.http.delete(`${BASE}/${keyId}/sales-channels/batch`).set(t.auth).send({ sales_channel_ids: [{ id: appId }, { id: 'sc_not_linked' }] });
    expect(removed.status).toBe(200);
    expect(await linkedChannels(keyId)).toEqual([webId]);
    expect((await t.http.delete(`${BASE}/${keyId}/sales-channels/batch`).set(t.auth).send({})).status).toBe(400);

    // A deleted sales channel is neither listed nor linkable.
    const em = t.em();
    const gone = em.create(SalesChannel, { name: 'Gone' });
    await em.flush();
    await t.http.post(`${BASE}/${keyId}/sales-channels/batch`).set(t.auth).send({ sales_channel_ids: [{ id: gone.id }] });
    await em.nativeUpdate(SalesChannel, { id: gone.id }, { deletedAt: new Date() });
    const listed = await t.http.get(`${BASE}/${keyId}/sales-channels`).set(t.auth);
    expect(listed.body.sales_channels.map((c: any) => c.id)).toEqual([webId]);
    expect((await t.http.post(`${BASE}/${keyId}/sales-channels/batch`).set(t.auth).send({ sales_channel_ids: [{ id: gone.id }] })).status).toBe(400);
    await t.http.delete(`${BASE}/${keyId}/sales-channels/batch`).set(t.auth).send({ sales_channel_ids: [{ id: gone.id }] });

    for (const [method, path] of [['get', `${BASE}/pk_missing/sales-channels`], ['post', `${BASE}/pk_missing/sales-channels/batch`], ['delete', `${BASE}/pk_missing/sales-channels/batch`]] as const) {
      const res = await (t.http as any)[method](path).set(t.auth).send(method === 'get' ? undefined : { sales_channel_ids: [{ id: webId }] });
      expect(res.status).toBe(404);
    }
  });

  it('revokes once, recording who and when', async () => {
    const res = await t.http.post(`${BASE}/${keyId}/revoke`).set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body.publishable_api_key).toMatchObject({ revoked_by: t.admin.id, revoked_at: expect.any(String) });
    const stored = await t.em().findOneOrFail(PublishableApiKey, keyId);
    expect(stored.revokedAt).toBeInstanceOf(Date);
    expect(stored.revokedBy).toBe(t.admin.id);
    const again = await t.http.post(`${BASE}/${keyId}/revoke`).set(t.auth);
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ type: 'not_allowed', message: 'PublishableApiKey has already been revoked.' });
    expect((await t.http.post(`${BASE}/pk_missing/revoke`).set(t.auth)).status).toBe(404);
  });

  it('lists with q, date filters, order and paging', async () => {
    await t.http.post(BASE).set(t.auth).send({ title: 'Marketplace' });
    await t.http.post(BASE).set(t.auth).send({ title: 'Kiosk' });
    const all = await t.http.get(BASE).set(t.auth);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ count: 3, offset: 0, limit: 20 });
    expect(all.body.publishable_api_keys.map((k: any) => k.title)).toEqual(['Kiosk', 'Marketplace', 'Main storefront']);

    const q = await t.http.get(`${BASE}?q=STORE`).set(t.auth);
    expect(q.body.publishable_api_keys.map((k: any) => k.id)).toEqual([keyId]);
    const revoked = await t.http.get(`${BASE}?revoked_at[gt]=2000-01-01`).set(t.auth);
    expect(revoked.body.publishable_api_keys.map((k: any) => k.id)).toEqual([keyId]);
    expect((await t.http.get(`${BASE}?created_at[gt]=2999-01-01`).set(t.auth)).body.count).toBe(0);
    expect((await t.http.get(`${BASE}?created_at[lt]=2999-01-01&updated_at[gte]=2000-01-01`).set(t.auth)).body.count).toBe(3);
    const ordered = await t.http.get(`${BASE}?order=title&limit=2&offset=1`).set(t.auth);
    expect(ordered.body).toMatchObject({ count: 3, offset: 1, limit: 2 });
    expect(ordered.body.publishable_api_keys.map((k: any) => k.title)).toEqual(['Main storefront', 'Marketplace']);
    const fields = await t.http.get(`${BASE}?fields=title`).set(t.auth);
    expect(Object.keys(fields.body.publishable_api_keys[0]).sort()).toEqual(['created_at', 'id', 'title']);
    expect((await t.http.get(`${BASE}?order=secret`).set(t.auth)).status).toBe(400);
    expect((await t.http.get(`${BASE}?foo=1`).set(t.auth)).status).toBe(400);
  });

  it('deletes the key and its links; a second delete is 404', async () => {
    const del = await t.http.delete(`${BASE}/${keyId}`).set(t.auth);
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ id: keyId, object: 'publishable_api_key', deleted: true });
    expect(await t.em().findOne(PublishableApiKey, keyId)).toBeNull();
    const links = await t.em().getConnection().execute('select count(*)::int as n from publishable_api_key_sales_channel where publishable_key_id = ?', [keyId]);
    expect(links[0].n).toBe(0);
    expect(await t.em().findOne(SalesChannel, webId)).not.toBeNull();
    expect((await t.http.delete(`${BASE}/${keyId}`).set(t.auth)).status).toBe(404);
  });

  it('answers 401 text/plain without credentials', async () => {
    const paths = [
      ['get', BASE], ['post', BASE], ['get', `${BASE}/pk_1`], ['post', `${BASE}/pk_1`], ['delete', `${BASE}/pk_1`],
      ['post', `${BASE}/pk_1/revoke`], ['get', `${BASE}/pk_1/sales-channels`], ['post', `${BASE}/pk_1/sales-channels/batch`], ['delete', `${BASE}/pk_1/sales-channels/batch`],
    ] as const;
    for (const [method, path] of paths) {
      const res = await (t.http as any)[method](path).send({});
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/text\/plain/);
    }
  });

  it('reports the feature flag in the store', async () => {
    const store = await t.http.get('/admin/store').set(t.auth);
    expect(store.body.store.feature_flags).toEqual(expect.arrayContaining([{ key: 'publishable_api_keys', value: true }]));
  });
});

describe('GraphQL publishable API keys', () => {
  it('runs every operation', async () => {
    const created = await t.gql('mutation { createPublishableApiKey(input: { title: "GQL" }) { id title createdBy } }');
    expect(created.errors).toBeUndefined();
    const id = created.data.createPublishableApiKey.id;
    expect(created.data.createPublishableApiKey.createdBy).toBe(t.admin.id);

    const upd = await t.gql('mutation($id: String!) { updatePublishableApiKey(id: $id, input: { title: "GQL 2" }) { title } }', { id });
    expect(upd.data.updatePublishableApiKey.title).toBe('GQL 2');

    const add = await t.gql('mutation($id: String!, $sc: [PublishableKeySalesChannelRef!]!) { addPublishableApiKeySalesChannels(id: $id, salesChannelIds: $sc) { salesChannels { id } } }', { id, sc: [{ id: webId }] });
    expect(add.data.addPublishableApiKeySalesChannels.salesChannels).toEqual([{ id: webId }]);
    const channels = await t.gql('query($id: String!) { publishableApiKeySalesChannels(id: $id, q: "web") { id name } }', { id });
    expect(channels.data.publishableApiKeySalesChannels).toEqual([{ id: webId, name: 'Webshop' }]);
    const rm = await t.gql('mutation($id: String!, $sc: [PublishableKeySalesChannelRef!]!) { removePublishableApiKeySalesChannels(id: $id, salesChannelIds: $sc) { salesChannels { id } } }', { id, sc: [{ id: webId }] });
    expect(rm.data.removePublishableApiKeySalesChannels.salesChannels).toEqual([]);

    const revoked = await t.gql('mutation($id: String!) { revokePublishableApiKey(id: $id) { revokedBy revokedAt } }', { id });
    expect(revoked.data.revokePublishableApiKey.revokedBy).toBe(t.admin.id);

    const got = await t.gql('query($id: String!) { publishableApiKey(id: $id) { title } }', { id });
    expect(got.data.publishableApiKey.title).toBe('GQL 2');
    const list = await t.gql('{ publishableApiKeys(q: "gql") { count items { id } } }');
    expect(list.data.publishableApiKeys).toEqual({ count: 1, items: [{ id }] });

    const del = await t.gql('mutation($id: String!) { deletePublishableApiKey(id: $id) { id object deleted } }', { id });
    expect(del.data.deletePublishableApiKey).toEqual({ id, object: 'publishable_api_key', deleted: true });
  });

  it('lists keys with their sales channels in a fixed number of queries', async () => {
    const make = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const k = await t.gql('mutation { createPublishableApiKey(input: { title: "bulk" }) { id } }');
        await t.gql('mutation($id: String!, $sc: [PublishableKeySalesChannelRef!]!) { addPublishableApiKeySalesChannels(id: $id, salesChannelIds: $sc) { id } }', { id: k.data.createPublishableApiKey.id, sc: [{ id: webId }, { id: appId }] });
      }
    };
    await make(3);
    const query = (limit: number) => () => t.gql(`{ publishableApiKeys(q: "bulk", limit: ${limit}) { items { id salesChannels { id } } } }`);
    const small = await t.countQueries(query(2));
    await make(3);
    const big = await t.countQueries(query(20));
    expect(big).toBe(small);
    const res = await query(20)();
    expect(res.data.publishableApiKeys.items).toHaveLength(6);
    expect(res.data.publishableApiKeys.items.every((k: any) => k.salesChannels.length === 2)).toBe(true);
  });

  it('reports bad input, unknown ids and missing credentials', async () => {
    expect((await t.gql('mutation { createPublishableApiKey(input: { title: "" }) { id } }')).errors).toBeDefined();
    expect(errorType(await t.gql('{ publishableApiKey(id: "pk_missing") { id } }'))).toBe('not_found');
    expect(errorType(await t.gql('mutation { revokePublishableApiKey(id: "pk_missing") { id } }'))).toBe('not_found');
    expect(errorType(await t.gql('{ publishableApiKeys { count } }', {}, {}))).toBe('unauthorized');
  });
});
